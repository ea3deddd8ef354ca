// Test catalogs compiled into an in-memory content store, as the build compiles content/.
import { Content, type ContentOptions } from "../../functions/catalog/content.js";
import type { Snapshot } from "../../functions/catalog/snapshot.js";
import { MemoryStore } from "../../functions/store/memory-store.js";
import type { Catalog } from "../../infra/content/catalog.js";
import { compileInto } from "../../infra/store/compile-store.js";

/** The store the build would compile from `catalog`; `withdrawn` ids answer 410. */
export function storeOf(catalog: Catalog, withdrawn: string[] = []): MemoryStore {
  const store = new MemoryStore();
  compileInto(catalog, ({ key, text }) => void store.put(key, text), { withdrawn });
  return store;
}

/** The content of `catalog`, as a function serves it. */
export function contentOf(catalog: Catalog, options: ContentOptions = {}): Content {
  return new Content(storeOf(catalog), options);
}

/** The one version of `catalog`. */
export function snapshotOf(catalog: Catalog): Promise<Snapshot> {
  return contentOf(catalog).snapshot();
}

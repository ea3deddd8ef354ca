// Reads the store's immutable documents by key, parsed once and kept in memory across requests.
import type { ContentStore } from "../store/content-store.js";
import { StoreUnavailableError } from "../store/content-store.js";
import { BoundedCache } from "./bounded-cache.js";

/** Bytes of document text kept parsed in memory, by default: 64 MiB, well under a 256 MB function. */
export const DOCUMENT_CACHE_BYTES = 64 * 1024 * 1024;

/**
 * Every key but the manifest's names content that never changes (it carries its content hash), so a
 * document read once is good for every version that names it.
 */
export class Documents {
  readonly #cache: BoundedCache<unknown>;

  constructor(
    readonly store: ContentStore,
    capacityBytes = DOCUMENT_CACHE_BYTES,
  ) {
    this.#cache = new BoundedCache(capacityBytes);
  }

  /** The parsed document at `key`. Rejects with StoreUnavailableError when it cannot be read. */
  get<T>(key: string): Promise<T> {
    let size = 0;
    return this.#cache.remember(
      key,
      async () => {
        const answer = await this.store.get(key);
        if (answer.status !== 200) {
          throw new StoreUnavailableError(
            `${this.store.name}: ${key} is missing, though the manifest names it`,
          );
        }
        size = answer.text.length;
        return JSON.parse(answer.text) as unknown;
      },
      () => size,
    ) as Promise<T>;
  }
}

// A content store held in memory: the bundled store at small sizes (compiled into the bundle), and tests.
import type { ReadOptions, StoreAnswer, WritableContentStore } from "./content-store.js";
import { fnv1a } from "./fnv1a.js";

/** Documents in a Map; the validator of a document is its text's length and a cheap hash. */
export class MemoryStore implements WritableContentStore {
  readonly #documents: Map<string, string>;
  /** Validators computed so far: the manifest is checked again every TTL, and never changes in a bundle. */
  readonly #validators = new Map<string, string>();

  constructor(
    documents: Iterable<[string, string]> | Record<string, string> = [],
    readonly name = "memory",
  ) {
    this.#documents = new Map(Symbol.iterator in documents ? documents : Object.entries(documents));
  }

  async get(key: string, { etag }: ReadOptions = {}): Promise<StoreAnswer> {
    const text = this.#documents.get(key);
    if (text === undefined) return { status: 404 };
    let current = this.#validators.get(key);
    if (current === undefined) {
      current = validator(text);
      this.#validators.set(key, current);
    }
    return etag === current ? { status: 304 } : { status: 200, text, etag: current };
  }

  async put(key: string, text: string): Promise<void> {
    this.#documents.set(key, text);
    this.#validators.delete(key);
  }

  async list(prefix: string): Promise<string[]> {
    return [...this.#documents.keys()].filter((key) => key.startsWith(prefix)).sort();
  }

  async delete(key: string): Promise<void> {
    this.#documents.delete(key);
    this.#validators.delete(key);
  }
}

/** FNV-1a of the text plus its length: enough to tell two versions of one key apart. */
export function validator(text: string): string {
  return `"${text.length.toString(36)}-${fnv1a(text).toString(36)}"`;
}

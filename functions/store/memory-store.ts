// A content store held in memory: the bundled store at small sizes (compiled into the bundle), and tests.
import type { ReadOptions, StoreAnswer, WritableContentStore } from "./content-store.js";

/** Documents in a Map; the validator of a document is its text's length and a cheap hash. */
export class MemoryStore implements WritableContentStore {
  readonly #documents: Map<string, string>;

  constructor(
    documents: Iterable<[string, string]> | Record<string, string> = [],
    readonly name = "memory",
  ) {
    this.#documents = new Map(Symbol.iterator in documents ? documents : Object.entries(documents));
  }

  async get(key: string, { etag }: ReadOptions = {}): Promise<StoreAnswer> {
    const text = this.#documents.get(key);
    if (text === undefined) return { status: 404 };
    const current = validator(text);
    return etag === current ? { status: 304 } : { status: 200, text, etag: current };
  }

  async put(key: string, text: string): Promise<void> {
    this.#documents.set(key, text);
  }

  async list(prefix: string): Promise<string[]> {
    return [...this.#documents.keys()].filter((key) => key.startsWith(prefix)).sort();
  }

  async delete(key: string): Promise<void> {
    this.#documents.delete(key);
  }
}

/** FNV-1a of the text plus its length: enough to tell two versions of one key apart. */
export function validator(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return `"${text.length.toString(36)}-${(hash >>> 0).toString(36)}"`;
}

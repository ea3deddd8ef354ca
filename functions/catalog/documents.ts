// Reads the store's immutable documents by key, checked and parsed once, and kept in memory across requests.
import type { ContentStore } from "../store/content-store.js";
import { StoreUnavailableError } from "../store/content-store.js";
import { BoundedCache } from "./bounded-cache.js";
import type { DocumentShape } from "./document-shapes.js";

/** Bytes of document text kept parsed in memory, by default: 64 MiB, well under a 256 MB function. */
export const DOCUMENT_CACHE_BYTES = 64 * 1024 * 1024;

/**
 * A document the manifest names is missing, is not JSON, or is not what its key holds: the store is damaged
 * there, and only the requests that need that document fail (503), naming `key` in the log.
 */
export class CorruptDocumentError extends StoreUnavailableError {
  override name = "CorruptDocumentError";
  constructor(
    readonly store: string,
    readonly key: string,
    problem: string,
    options?: ErrorOptions,
  ) {
    super(`${store}: ${key} ${problem}`, options);
  }
}

/** Longest part of a parser's message kept in an error: enough to say where, not a page of the document. */
const REASON = 120;

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

  /**
   * The document at `key`, once it has passed `shape`. Rejects with CorruptDocumentError when it is missing or
   * malformed, and with StoreUnavailableError when the store cannot be read; neither outcome is kept, so the
   * next request reads the key again.
   */
  get<T>(key: string, shape: DocumentShape<T>): Promise<T> {
    let size = 0;
    return this.#cache.remember(
      key,
      async () => {
        const answer = await this.store.get(key);
        if (answer.status !== 200) {
          throw new CorruptDocumentError(this.store.name, key, "is missing, though the manifest names it");
        }
        size = answer.text.length;
        return parse(this.store.name, key, answer.text, shape);
      },
      () => size,
    ) as Promise<T>;
  }
}

/** `text` parsed as JSON and checked against `shape`; throws CorruptDocumentError saying which step failed. */
export function parse<T>(store: string, key: string, text: string, shape: DocumentShape<T>): T {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const reason = (error as Error).message.slice(0, REASON);
    throw new CorruptDocumentError(store, key, `is not valid JSON (${reason})`, { cause: error });
  }
  if (!shape.is(value)) throw new CorruptDocumentError(store, key, `is not ${shape.name}`);
  return value;
}

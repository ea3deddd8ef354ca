// The one interface request code reads content through; each backend is one driver file beside it.

/** Default seconds between two checks of the manifest: a new brief is live within half a minute. */
export const DEFAULT_TTL_SECONDS = 30;

/** A document as a store returns it: its text and an opaque validator. */
export interface StoredDocument {
  status: 200;
  text: string;
  etag: string;
}

/** What a read can answer: the document, "unchanged since `etag`", or nothing at that key. */
export type StoreAnswer = StoredDocument | { status: 304 } | { status: 404 };

/** Options of a read. */
export interface ReadOptions {
  /** The validator of the copy the caller holds; a store may then answer 304. */
  etag?: string;
  /** Gives up the read when aborted. */
  signal?: AbortSignal;
}

/** A read-only store of documents by key (`manifest.json`, `briefs/….json`). */
export interface ContentStore {
  /** Names the store in logs and messages, without secrets: `bundled`, `s3://bucket/prefix`. */
  readonly name: string;
  /** Reads one document. Rejects with StoreUnavailableError when the backend fails or is unreachable. */
  get(key: string, options?: ReadOptions): Promise<StoreAnswer>;
}

/** A store that publishing can write to. */
export interface WritableContentStore extends ContentStore {
  put(key: string, text: string): Promise<void>;
  /** Every key under `prefix`. */
  list(prefix: string): Promise<string[]>;
  delete(key: string): Promise<void>;
}

/** The backend failed or did not answer in time; the message says which store and how. */
export class StoreUnavailableError extends Error {
  override name = "StoreUnavailableError";
}

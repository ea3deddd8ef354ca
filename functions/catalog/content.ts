// The content a process serves: the current manifest, checked again at most once per TTL, and the last good
// version kept whenever the store fails.
import { defaultLogger, type Logger } from "../log/logger.js";
import { type ContentStore, DEFAULT_TTL_SECONDS, StoreUnavailableError } from "../store/content-store.js";
import { manifestShape } from "./document-shapes.js";
import { Documents, parse } from "./documents.js";
import { Snapshot } from "./snapshot.js";
import { MANIFEST_KEY, type Manifest } from "./store-layout.js";

/** Options of Content. */
export interface ContentOptions {
  /** Seconds between two checks of the manifest. Default 30. */
  ttlSeconds?: number;
  /** How long a check may take while a good version is held, in milliseconds. Default 2000. */
  checkTimeoutMs?: number;
  /** Where warnings go. Default one JSON line on stdout. */
  logger?: Logger;
  /** The clock, in milliseconds. Default Date.now. */
  now?: () => number;
}

/** The content of one store, as a series of versions. */
export class Content {
  readonly documents: Documents;
  #current: { snapshot: Snapshot; etag: string } | undefined;
  #checkedAt = Number.NEGATIVE_INFINITY;
  #checking: Promise<Snapshot> | undefined;
  readonly #ttlMs: number;
  readonly #options: ContentOptions;

  constructor(
    readonly store: ContentStore,
    options: ContentOptions = {},
  ) {
    this.documents = new Documents(store);
    this.#ttlMs = (options.ttlSeconds ?? DEFAULT_TTL_SECONDS) * 1000;
    this.#options = options;
  }

  /** Where this content's warnings go; the app's request log follows it. */
  get logger(): Logger {
    return this.#options.logger ?? defaultLogger;
  }

  /** The version held now, for log lines; undefined before the first read. */
  get version(): string | undefined {
    return this.#current?.snapshot.version;
  }

  /**
   * The version to answer a request from. Checks the manifest when the TTL has run out, with a
   * conditional read; when the store fails, keeps the version it has. Rejects with
   * StoreUnavailableError only when it has none yet.
   */
  snapshot(): Promise<Snapshot> {
    const now = this.#now();
    if (this.#current && now - this.#checkedAt < this.#ttlMs) return Promise.resolve(this.#current.snapshot);
    this.#checking ??= this.#check().finally(() => {
      this.#checking = undefined;
    });
    return this.#checking;
  }

  async #check(): Promise<Snapshot> {
    const held = this.#current;
    try {
      const timeout = this.#options.checkTimeoutMs ?? 2000;
      const answer = await this.store.get(MANIFEST_KEY, {
        etag: held?.etag,
        signal: held ? AbortSignal.timeout(timeout) : undefined,
      });
      this.#checkedAt = this.#now();
      if (answer.status === 304 && held) return held.snapshot;
      if (answer.status !== 200) {
        throw new StoreUnavailableError(
          `${this.store.name} has no ${MANIFEST_KEY}; publish the content first`,
        );
      }
      const manifest = parseManifest(answer.text, this.store.name);
      const snapshot =
        held?.snapshot.version === manifest.version ? held.snapshot : new Snapshot(manifest, this.documents);
      this.#current = { snapshot, etag: answer.etag };
      return snapshot;
    } catch (error) {
      const failure =
        error instanceof StoreUnavailableError
          ? error
          : new StoreUnavailableError(`${this.store.name}: ${(error as Error).message}`, { cause: error });
      if (!held) throw failure;
      this.#checkedAt = this.#now();
      this.logger.log({
        level: "warn",
        message: "content store unavailable; serving the last good version",
        store: this.store.name,
        version: held.snapshot.version,
        error: failure.message,
      });
      return held.snapshot;
    }
  }

  #now(): number {
    return (this.#options.now ?? Date.now)();
  }
}

/** The manifest in `text`; throws CorruptDocumentError when it is not JSON or not a manifest of format 1. */
function parseManifest(text: string, store: string): Manifest {
  const manifest = parse(store, MANIFEST_KEY, text, manifestShape);
  // Stores compiled before documents were carried in the manifest have no `inline`.
  return { ...manifest, inline: manifest.inline ?? {} };
}

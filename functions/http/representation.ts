// One response body as the server sends it: its bytes, validators and compressed forms, each computed once.
import { compress, type Effort } from "./compression.js";
import { base64url, sha256 } from "./digest.js";

/** The content codings the server can send, besides identity. */
export type ContentCoding = "br" | "gzip";

/** A body with its media type and modification date; ETag and compressed bytes are computed on first use. */
export class Representation {
  readonly bytes: Uint8Array<ArrayBuffer>;
  #etag: string | undefined;
  #httpDate: string | undefined;
  readonly #encoded = new Map<ContentCoding, Uint8Array<ArrayBuffer>>();

  constructor(
    body: string,
    /** Full Content-Type, charset included. */
    readonly contentType: string,
    /** When the content last changed (the newest brief's date for a feed); undefined when unknown. */
    readonly lastModified?: Date,
    /** How hard to compress it: `smallest` only for a body that lives as long as the deployment. */
    readonly effort: Effort = "fast",
  ) {
    this.bytes = new TextEncoder().encode(body);
  }

  /** lastModified as an HTTP date (Last-Modified), made once. */
  get httpDate(): string | undefined {
    this.#httpDate ??= this.lastModified?.toUTCString();
    return this.#httpDate;
  }

  /** A strong ETag derived from the bytes (RFC 9110 §8.8.3): it changes exactly when they do. */
  get etag(): string {
    this.#etag ??= `"${base64url(sha256(this.bytes)).slice(0, 27)}"`;
    return this.#etag;
  }

  /** The bytes in `coding` (one of AVAILABLE_CODINGS), compressed once and kept. */
  encoded(coding: ContentCoding): Uint8Array<ArrayBuffer> {
    let bytes = this.#encoded.get(coding);
    if (!bytes) {
      bytes = compress(coding, this.bytes, this.effort);
      this.#encoded.set(coding, bytes);
    }
    return bytes;
  }
}

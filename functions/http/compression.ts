// Brotli and gzip where the runtime has node:zlib; none on web-only runtimes, whose platform compresses.
import type { ContentCoding } from "./representation.js";

// Loaded through process.getBuiltinModule so that web-only runtimes (Vercel Edge) can load this module:
// there the body goes out as identity, and the platform's edge compresses it (it keeps Vary: Accept-Encoding).
const zlib = globalThis.process?.getBuiltinModule?.("node:zlib");

/** The content codings this runtime can produce, best first: Brotli, then gzip; none without node:zlib. */
export const AVAILABLE_CODINGS: readonly ContentCoding[] = zlib ? ["br", "gzip"] : [];

/** `bytes` compressed in `coding`: Brotli at quality 11, gzip at level 9. Only for an available coding. */
export function compress(coding: ContentCoding, bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  if (!zlib) throw new Error(`this runtime cannot produce ${coding}: it has no node:zlib`);
  const compressed =
    coding === "br"
      ? zlib.brotliCompressSync(bytes, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } })
      : zlib.gzipSync(bytes, { level: 9 });
  return new Uint8Array(compressed);
}

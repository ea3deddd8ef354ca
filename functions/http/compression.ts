// Brotli and gzip where the runtime has node:zlib; none on web-only runtimes, whose platform compresses.
import type { ContentCoding } from "./representation.js";

// Loaded through process.getBuiltinModule so that web-only runtimes (Vercel Edge) can load this module:
// there the body goes out as identity, and the platform's edge compresses it (it keeps Vary: Accept-Encoding).
const zlib = globalThis.process?.getBuiltinModule?.("node:zlib");

/** The content codings this runtime can produce, best first: Brotli, then gzip; none without node:zlib. */
export const AVAILABLE_CODINGS: readonly ContentCoding[] = zlib ? ["br", "gzip"] : [];

/**
 * How hard Brotli works: `smallest` (quality 11) for a body made once per deployment, such as the widget script;
 * `fast` (quality 5) for one made from the content, which every new content version and every new instance (a
 * Lambda cold start) compresses again. On a 16 kB feed, quality 11 took 25 to 29 ms and quality 5 0.2 to 0.3 ms,
 * for 4 to 6% more bytes (1,071 against 1,120 B; 835 against 893 B for the JSON Feed), measured on Node.js 20.
 */
export type Effort = "smallest" | "fast";

const BROTLI_QUALITY: Record<Effort, number> = { smallest: 11, fast: 5 };

/** `bytes` compressed in `coding`: Brotli at `effort`, gzip at level 9 (0.2 ms for 16 kB). Only for an available coding. */
export function compress(
  coding: ContentCoding,
  bytes: Uint8Array,
  effort: Effort = "fast",
): Uint8Array<ArrayBuffer> {
  if (!zlib) throw new Error(`this runtime cannot produce ${coding}: it has no node:zlib`);
  const { constants } = zlib;
  const compressed =
    coding === "br"
      ? zlib.brotliCompressSync(bytes, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY[effort],
            [constants.BROTLI_PARAM_SIZE_HINT]: bytes.byteLength,
          },
        })
      : zlib.gzipSync(bytes, { level: 9 });
  return new Uint8Array(compressed);
}

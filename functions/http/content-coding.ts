// Chooses the content coding of a response from the request's Accept-Encoding (RFC 9110 §12.5.3).

import { remembered } from "../remembered.js";
import { AVAILABLE_CODINGS } from "./compression.js";
import type { ContentCoding } from "./representation.js";

/** The body sizes below which compressing costs more than it saves (a TCP packet's worth). */
export const MIN_COMPRESSIBLE_BYTES = 1024;

/**
 * The best coding the client accepts among those `available` (default: the runtime's), Brotli, then gzip, on
 * equal weights; undefined for identity. `q=0` refuses a coding; `*` stands for every coding not named.
 */
export function negotiateCoding(
  acceptEncoding: string | undefined,
  available: readonly ContentCoding[] = AVAILABLE_CODINGS,
): ContentCoding | undefined {
  if (!acceptEncoding) return undefined;
  const weights = new Map<string, number>();
  for (const part of acceptEncoding.split(",")) {
    const [name = "", ...params] = part.trim().toLowerCase().split(";");
    // A q-value that does not parse counts as a refusal, never as a preference.
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const weight =
      q === undefined ? 1 : /^q=(?:0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/.test(q) ? Number(q.slice(2)) : 0;
    if (name) weights.set(name.trim(), weight);
  }
  const weight = (coding: string) =>
    weights.get(coding) ?? (coding === "gzip" ? weights.get("x-gzip") : undefined) ?? weights.get("*") ?? 0;
  const [best] = available.filter((c) => weight(c) > 0).sort((a, b) => weight(b) - weight(a));
  return best;
}

// Clients send a handful of distinct values; each is parsed once.
const chosen = remembered((header) => negotiateCoding(header), { entries: 256, keyLength: 256 });

/** negotiateCoding among the runtime's codings, remembered per header value. */
export function codingFor(acceptEncoding: string | undefined): ContentCoding | undefined {
  return acceptEncoding ? chosen(acceptEncoding) : undefined;
}

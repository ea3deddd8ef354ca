// Chooses the content coding of a response from the request's Accept-Encoding (RFC 9110 §12.5.3).
import type { ContentCoding } from "./representation.js";

/** The body sizes below which compressing costs more than it saves (a TCP packet's worth). */
export const MIN_COMPRESSIBLE_BYTES = 1024;

/**
 * The best coding the client accepts: Brotli, then gzip, on equal weights; undefined for identity.
 * `q=0` refuses a coding; `*` stands for every coding not named.
 */
export function negotiateCoding(acceptEncoding: string | undefined): ContentCoding | undefined {
  if (!acceptEncoding) return undefined;
  const weights = new Map<string, number>();
  for (const part of acceptEncoding.split(",")) {
    const [name = "", ...params] = part.trim().toLowerCase().split(";");
    const q = params.map((p) => /^\s*q=([01](?:\.\d{0,3})?)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    if (name) weights.set(name.trim(), q === undefined ? 1 : Number(q));
  }
  const weight = (coding: string) =>
    weights.get(coding) ?? (coding === "gzip" ? weights.get("x-gzip") : undefined) ?? weights.get("*") ?? 0;
  const [best] = (["br", "gzip"] as const).filter((c) => weight(c) > 0).sort((a, b) => weight(b) - weight(a));
  return best;
}

// FNV-1a, 32 bits, over UTF-16 code units: a fast, stable, non-cryptographic hash of text.

/** The FNV-1a hash of `text`, as an unsigned 32-bit integer. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

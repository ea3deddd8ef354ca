// Tag slugs: the stable, URL-safe form of a tag's text, used in tag feed URLs and tag filters.

/**
 * Lowercase ASCII letters and digits joined by hyphens: accents are folded ("Éthique" → "ethique"),
 * other characters become hyphens. Text with no ASCII letter or digit falls back to its UTF-8 bytes in
 * hexadecimal ("🦊" → "f09fa68a"), so every tag has a slug of its own.
 */
export function tagSlug(tag: string): string {
  const folded = tag
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  return (
    folded ||
    [...new TextEncoder().encode(tag.trim())].map((byte) => byte.toString(16).padStart(2, "0")).join("")
  );
}

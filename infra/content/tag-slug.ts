// Tag slugs: the stable, URL-safe form of a tag's text, used in tag feed URLs and tag filters.

/**
 * Lowercase ASCII letters and digits joined by hyphens: accents are folded ("Éthique" → "ethique"),
 * other characters become hyphens. Text with no letter or digit falls back to its UTF-8 percent-encoding,
 * so every tag has a slug.
 */
export function tagSlug(tag: string): string {
  const folded = tag
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  return folded || encodeURIComponent(tag.trim().toLowerCase()).replace(/%/g, "").toLowerCase();
}

// Turns HTML that a feed parser hands back into the text a reader would see.

const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

/** Decodes character references; with `stripTags`, drops tags first. */
export function htmlText(html: string, { stripTags = false } = {}): string {
  const text = stripTags ? html.replace(/<[^>]*>/g, "") : html;
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
    if (name[0] === "#")
      return String.fromCodePoint(
        Number.parseInt(name.slice(name[1] === "x" ? 2 : 1), name[1] === "x" ? 16 : 10),
      );
    return NAMED[name.toLowerCase()] ?? entity;
  });
}

// The sitemaps' documents, compiled once so no request lists the catalogue: chunks of at most 50,000 URLs
// (front and tag pages, then briefs from the oldest, so a new brief rewrites only the last chunk), and the
// briefs of the news sitemap.
import type { Brief } from "../../functions/catalog/brief.js";
import {
  ALL,
  NEWS_URLS,
  NEWS_WINDOW_MS,
  type NewsDocument,
  SITEMAP_URLS,
  type SitemapDocument,
} from "../../functions/catalog/store-layout.js";

/** One chunk of a sitemap before it is stored: its name and its URLs. */
export interface SitemapChunk {
  name: string;
  document: SitemapDocument;
  lastmod: string | null;
}

/** An RFC 3339 date as a W3C Datetime in UTC (what sitemaps carry), without zero milliseconds. */
export function sitemapDate(date: string): string {
  return new Date(date).toISOString().replace(".000Z", "Z");
}

/** When a brief last changed: updated, else published. */
const changed = (brief: Brief) => sitemapDate(brief.updated ?? brief.published);

/** The newest of `dates` (all UTC W3C datetimes, so they sort as text). */
function newest(dates: (string | null)[]): string {
  let latest = "";
  for (const date of dates) if (date !== null && date > latest) latest = date;
  return latest;
}

/**
 * The chunks of every sitemap: `pages-<n>` (the front page, then each tag's page, dated by the newest change
 * among the briefs it shows) and `briefs-<n>` (every brief, oldest first). `members` are the sets, newest first.
 */
export function sitemapChunks(members: Map<string, Brief[]>, feedSize: number): SitemapChunk[] {
  const pages: SitemapDocument["urls"] = [];
  for (const [slug, briefs] of members) {
    // The front page is listed even with no brief, so the index always has a child (the schemas want one).
    const shown = briefs.slice(0, feedSize).map(changed);
    if (slug === ALL || shown.length > 0)
      pages.push([slug === ALL ? "/" : `/tags/${slug}`, newest(shown) || null]);
  }
  const all = members.get(ALL) ?? [];
  const briefs = all
    .toReversed()
    .map((brief): [string, string | null] => [`/briefs/${brief.id}`, changed(brief)]);
  return [...chunk("pages", pages), ...chunk("briefs", briefs)];
}

function* chunk(prefix: string, urls: SitemapDocument["urls"]): Generator<SitemapChunk> {
  for (let start = 0, n = 1; start < urls.length; start += SITEMAP_URLS, n++) {
    const slice = urls.slice(start, start + SITEMAP_URLS);
    yield {
      name: `${prefix}-${n}`,
      document: { urls: slice },
      lastmod: newest(slice.map(([, date]) => date)) || null,
    };
  }
}

/** The briefs published within 48 hours of the newest one (of `briefs`, newest first), at most 1,000. */
export function newsDocument(briefs: Brief[]): NewsDocument {
  const first = briefs[0];
  if (!first) return { briefs: [] };
  const since = Date.parse(first.published) - NEWS_WINDOW_MS;
  return {
    briefs: briefs
      .filter((brief) => Date.parse(brief.published) >= since)
      .slice(0, NEWS_URLS)
      .map(({ id, title, lang, published }) => ({ id, title, lang, published: sitemapDate(published) })),
  };
}

// Which feed documents exist: all briefs and each tag's, each as a current page plus archive pages (RFC 5005).
import type { Brief, Catalog } from "../../infra/content/catalog.js";
import { tagSlug } from "../../infra/content/tag-slug.js";

/** The briefs one family of feeds carries: all of them, or one tag's. Newest first. */
export interface FeedSet {
  /** The tag's text, or undefined for the main feeds. */
  tag: string | undefined;
  briefs: Brief[];
}

/** The main set, then one set per tag, in slug order. */
export function feedSets(catalog: Catalog): FeedSet[] {
  const byTag = new Map<string, FeedSet>();
  for (const brief of catalog.briefs) {
    for (const tag of brief.tags) {
      const set = byTag.get(tagSlug(tag)) ?? { tag, briefs: [] };
      set.briefs.push(brief);
      byTag.set(tagSlug(tag), set);
    }
  }
  const tags = [...byTag.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, set]) => set);
  return [{ tag: undefined, briefs: catalog.briefs }, ...tags];
}

/**
 * How many archive pages a set has: only complete ones, counted from the oldest brief, so an archive
 * page never changes when briefs are added (RFC 5005 §4). The newest briefs not yet in a complete
 * archive are always on the current page, which carries the `size` newest.
 */
export function archiveCount(set: FeedSet, size: number): number {
  return Math.floor(set.briefs.length / size);
}

/** The briefs of the current page (`page` undefined) or of archive page `page`, newest first. */
export function pageBriefs(set: FeedSet, size: number, page?: number): Brief[] {
  if (page === undefined) return set.briefs.slice(0, size);
  const end = set.briefs.length - (page - 1) * size;
  return set.briefs.slice(Math.max(0, end - size), end);
}

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
 * Briefs per archive page: half a feed, rounded up. A feed with more briefs than it carries then always
 * has two archive pages or more, so each archive links to another (an archive page linking to none is
 * incomplete for the W3C validator: ArchiveIncomplete).
 */
export function archivePageSize(feedSize: number): number {
  return Math.max(1, Math.ceil(feedSize / 2));
}

/**
 * How many archive pages a set has: none while the current page carries every brief, else only complete
 * pages, counted from the oldest brief, so an archive page never changes when briefs are added
 * (RFC 5005 §4). The newest briefs not yet in a complete page are always on the current page.
 */
export function archiveCount(set: FeedSet, feedSize: number): number {
  return set.briefs.length > feedSize ? Math.floor(set.briefs.length / archivePageSize(feedSize)) : 0;
}

/** The briefs of the current page (`page` undefined) or of archive page `page`, newest first. */
export function pageBriefs(set: FeedSet, feedSize: number, page?: number): Brief[] {
  if (page === undefined) return set.briefs.slice(0, feedSize);
  const size = archivePageSize(feedSize);
  const end = set.briefs.length - (page - 1) * size;
  return set.briefs.slice(Math.max(0, end - size), end);
}

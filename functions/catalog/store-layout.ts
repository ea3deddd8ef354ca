// The compiled content store: its documents' keys and shapes, the contract between the build and the functions.
import { fnv1a } from "../store/fnv1a.js";
import type { Brief, Site } from "./brief.js";

/** The one document publishing rewrites in place, last, so readers switch versions atomically. */
export const MANIFEST_KEY = "manifest.json";

/** Where every published manifest is kept, so older versions can be read and pruned. */
export const versionKey = (version: string) => `versions/${version}.json`;

/** The slug of the set of every brief; tag sets use the tag's slug. */
export const ALL = "";

/** One family of feeds: every brief, or one tag's. */
export interface SetEntry {
  /** The tag as written, or null for every brief. */
  tag: string | null;
  /** How many briefs the set holds. */
  count: number;
  /** How many complete archive pages it has (RFC 5005), numbered from the oldest. */
  archives: number;
  /** The document of its newest briefs (a BriefsDocument). */
  latest: string;
}

/** What a reader needs first: the version, the site, every set, and where the index shards are. */
export interface Manifest {
  format: 1;
  /** Names this content exactly: a hash of everything below. */
  version: string;
  site: Site;
  /** Every set by slug, ALL first, then tags in slug order. */
  sets: Record<string, SetEntry>;
  /** Index shard (two hex digits) → document key of its ShardDocument. */
  shards: Record<string, string>;
  /** Documents carried in the manifest itself, saving a read on a cold start: key → document. */
  inline: Record<string, BriefsDocument>;
  /** The child sitemaps, pages first, then briefs from the oldest; absent from stores compiled before sitemaps. */
  sitemaps?: SitemapEntry[];
  /** The document of the briefs the news sitemap lists (a NewsDocument); absent likewise. */
  news?: string;
}

/** The most URLs a sitemap may list (sitemaps.org protocol). */
export const SITEMAP_URLS = 50_000;

/** The most URLs a Google News sitemap may list. */
export const NEWS_URLS = 1_000;

/** How far back from the newest brief the news sitemap reaches: Google News lists two days of articles. */
export const NEWS_WINDOW_MS = 48 * 3_600_000;

/** One child sitemap: its name in the URL (`/sitemaps/<name>.xml`), its document and its newest lastmod. */
export interface SitemapEntry {
  name: string;
  doc: string;
  /** The newest lastmod of its URLs; null when none has one (a front page with no brief). */
  lastmod: string | null;
  urls: number;
}

/** A child sitemap's URLs: path from the base URL ("/", "/tags/cloud", "/briefs/x") and lastmod, if known. */
export interface SitemapDocument {
  urls: [path: string, lastmod: string | null][];
}

/** The briefs of the news sitemap, newest first: what a news entry shows of each. */
export interface NewsDocument {
  briefs: { id: string; title: string; lang: string; published: string }[];
}

/** Briefs of a set's newest page or of one archive page, newest first. */
export interface BriefsDocument {
  briefs: Brief[];
}

/** A brief in the index: its document, and its position in each of its sets, 1 being the oldest. */
export interface BriefEntry {
  doc: string;
  positions: Record<string, number>;
}

/** A brief that was published once and then withdrawn: its pages answer 410 Gone. */
export interface WithdrawnEntry {
  withdrawn: true;
}

/** An archive page in the index. */
export interface PageEntry {
  doc: string;
}

export type IndexEntry = BriefEntry | WithdrawnEntry | PageEntry;

/** One shard of the index: logical key → entry. */
export type ShardDocument = Record<string, IndexEntry>;

/** Logical keys of the index. */
export const indexKey = {
  brief: (id: string) => `brief:${id}`,
  archive: (slug: string, page: number) => `archive:${slug}:${page}`,
};

/**
 * The shard of a logical key: FNV-1a over its UTF-16 code units, low byte in hex. 256 shards keep each
 * one near 30 KB at 100,000 briefs, and adding a brief rewrites one shard, rarely two.
 */
export function shardOf(key: string): string {
  return (fnv1a(key) & 0xff).toString(16).padStart(2, "0");
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
 * How many archive pages a set of `count` briefs has: none while the newest page carries every brief,
 * else only complete pages, counted from the oldest brief, so an archive page never changes when briefs
 * are added (RFC 5005 §4). The newest briefs not yet in a complete page are always on the newest page.
 */
export function archiveCount(count: number, feedSize: number): number {
  return count > feedSize ? Math.floor(count / archivePageSize(feedSize)) : 0;
}

/** The positions (1 the oldest) archive page `page` holds, newest first: from `last` down to `first`. */
export function archiveRange(page: number, feedSize: number): { first: number; last: number } {
  const size = archivePageSize(feedSize);
  return { first: (page - 1) * size + 1, last: page * size };
}

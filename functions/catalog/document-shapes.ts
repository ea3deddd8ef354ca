// What each kind of store document must look like before the functions trust it. The build writes them, but a
// copy can be damaged on the way (a truncated upload, a hand edit, a bucket another tool wrote to): each one is
// checked once, when it is read, so a bad copy is refused there instead of breaking a render later.
import type { Brief, Site } from "./brief.js";
import {
  ALL,
  type BriefsDocument,
  type IndexEntry,
  type Manifest,
  type NewsDocument,
  type SetEntry,
  type ShardDocument,
  type SitemapDocument,
  type SitemapEntry,
} from "./store-layout.js";

/** A check of one kind of document: what it is called in messages, and whether a parsed value is one. */
export interface DocumentShape<T> {
  readonly name: string;
  is(value: unknown): value is T;
}

/** An archive page's document: the keys of its briefs' documents, newest first. */
export interface PageDocument {
  briefs: string[];
}

type Check<T> = (value: unknown) => value is T;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === "string";
const isCount = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0;
const orNull =
  <T>(check: Check<T>): Check<T | null> =>
  (value): value is T | null =>
    value === null || check(value);
const arrayOf =
  <T>(check: Check<T>): Check<T[]> =>
  (value): value is T[] =>
    Array.isArray(value) && value.every(check);
const recordOf =
  <T>(check: Check<T>): Check<Record<string, T>> =>
  (value): value is Record<string, T> =>
    isObject(value) && Object.values(value).every(check);
/** An object with at least these fields, each passing its check (more fields are allowed: new ones may come). */
const fields =
  <T>(checks: { [K in keyof T]-?: Check<T[K]> }): Check<T> =>
  (value): value is T =>
    isObject(value) &&
    Object.entries(checks).every(([name, check]) => (check as Check<unknown>)(value[name]));
const optional =
  <T>(check: Check<T>): Check<T | undefined> =>
  (value): value is T | undefined =>
    value === undefined || check(value);

const isBrief: Check<Brief> = fields<Brief>({
  id: isString,
  title: isString,
  lead: isString,
  published: isString,
  updated: orNull(isString),
  lang: isString,
  tags: arrayOf(isString),
  source: fields({ name: isString, url: orNull(isString) }),
  author: orNull(isString),
  image: orNull(fields({ url: isString, alt: isString })),
  points: arrayOf(fields({ heading: orNull(isString), text: isString, html: isString })),
});

const isBriefs: Check<BriefsDocument> = fields<BriefsDocument>({ briefs: arrayOf(isBrief) });

const isSite: Check<Site> = fields<Site>({
  title: isString,
  description: isString,
  baseUrl: isString,
  lang: isString,
  publisher: fields({ name: isString, url: isString }),
  idAuthority: isString,
  hub: orNull(isString),
  logo: optional(isString),
  twitter: optional(isString),
  feedSize: (value): value is number => isCount(value) && value >= 1,
});

const isSet: Check<SetEntry> = fields<SetEntry>({
  tag: orNull(isString),
  count: isCount,
  archives: isCount,
  latest: isString,
});

const isSitemapEntry: Check<SitemapEntry> = fields<SitemapEntry>({
  name: isString,
  doc: isString,
  lastmod: orNull(isString),
  urls: isCount,
});

const isIndexEntry: Check<IndexEntry> = (value): value is IndexEntry =>
  isObject(value) &&
  (value.withdrawn === true ||
    (isString(value.doc) && (value.positions === undefined || recordOf(isCount)(value.positions))));

const isManifestCore = fields<Pick<Manifest, "version" | "site" | "sets" | "shards">>({
  version: isString,
  site: isSite,
  sets: recordOf(isSet),
  shards: recordOf(isString),
});

/** manifest.json: the version, the site, every set (the set of every brief among them) and the index shards. */
export const manifestShape: DocumentShape<Manifest> = {
  name: "a news-brief manifest of format 1",
  is: (value): value is Manifest =>
    isObject(value) &&
    value.format === 1 &&
    optional(recordOf(isBriefs))(value.inline) &&
    optional(arrayOf(isSitemapEntry))(value.sitemaps) &&
    optional(isString)(value.news) &&
    isManifestCore(value) &&
    Object.hasOwn(value.sets, ALL),
};

/** `briefs/<id>.<hash>.json`. */
export const briefShape: DocumentShape<Brief> = { name: "a brief", is: isBrief };

/** `latest/<set>.<hash>.json`. */
export const briefsShape: DocumentShape<BriefsDocument> = { name: "a list of briefs", is: isBriefs };

/** `archive/<set>/<n>.<hash>.json`. */
export const pageShape: DocumentShape<PageDocument> = {
  name: "an archive page",
  is: fields<PageDocument>({ briefs: arrayOf(isString) }),
};

/** `index/<xx>.<hash>.json`. */
export const shardShape: DocumentShape<ShardDocument> = {
  name: "an index shard",
  is: recordOf(isIndexEntry),
};

/** `sitemap/<name>.<hash>.json`. */
export const sitemapShape: DocumentShape<SitemapDocument> = {
  name: "a sitemap",
  is: fields<SitemapDocument>({
    urls: arrayOf(
      (url): url is [string, string | null] =>
        Array.isArray(url) && url.length === 2 && isString(url[0]) && orNull(isString)(url[1]),
    ),
  }),
};

/** `news.<hash>.json`. */
export const newsShape: DocumentShape<NewsDocument> = {
  name: "a news sitemap",
  is: fields<NewsDocument>({
    briefs: arrayOf(fields({ id: isString, title: isString, lang: isString, published: isString })),
  }),
};

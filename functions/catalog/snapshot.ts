// One version of the content, as a request reads it: every read goes through the manifest it started with.

import { BoundedCache } from "./bounded-cache.js";
import type { Brief, Site } from "./brief.js";
import {
  briefShape,
  briefsShape,
  newsShape,
  type PageDocument,
  pageShape,
  shardShape,
  sitemapShape,
} from "./document-shapes.js";
import { CorruptDocumentError, type Documents } from "./documents.js";
import {
  ALL,
  archivePageSize,
  archiveRange,
  type IndexEntry,
  indexKey,
  type Manifest,
  type NewsDocument,
  type SetEntry,
  type SitemapDocument,
  type SitemapEntry,
  shardOf,
} from "./store-layout.js";

/** What the index knows of a brief id. */
export type BriefLookup =
  | { kind: "brief"; brief: Brief; positions: Record<string, number> }
  | { kind: "withdrawn" }
  | { kind: "missing" };

/** Rendered answers kept per version, by default: enough for every feed and the busiest pages. */
const RENDERED_ENTRIES = 2000;

/** The content at one version. Reads cost the same at 100 briefs or 100,000: a key, never a scan. */
export class Snapshot {
  readonly #rendered = new BoundedCache<unknown>(RENDERED_ENTRIES);

  constructor(
    readonly manifest: Manifest,
    readonly documents: Documents,
  ) {}

  get version(): string {
    return this.manifest.version;
  }

  get site(): Site {
    return this.manifest.site;
  }

  /** The set of every brief (`ALL`) or of a tag's slug. */
  set(slug: string): SetEntry | undefined {
    return Object.hasOwn(this.manifest.sets, slug) ? this.manifest.sets[slug] : undefined;
  }

  /** Every tag set, in slug order. */
  tagSets(): [string, SetEntry & { tag: string }][] {
    return Object.entries(this.manifest.sets).filter(
      (entry): entry is [string, SetEntry & { tag: string }] => entry[1].tag !== null,
    );
  }

  /** The newest briefs of a set (as many as a feed carries), newest first. */
  async latest(slug = ALL): Promise<Brief[]> {
    const set = this.set(slug);
    if (!set) return [];
    const inline = this.manifest.inline[set.latest];
    return (inline ?? (await this.documents.get(set.latest, briefsShape))).briefs;
  }

  /** Whether a set has archive page `page` (a whole number from 1 to its number of archive pages). */
  hasArchive(slug: string, page: number): boolean {
    const archives = this.set(slug)?.archives ?? 0;
    return Number.isInteger(page) && page >= 1 && page <= archives;
  }

  /**
   * The briefs of archive page `page` of a set, newest first; undefined when there is no such page. Rejects with
   * CorruptDocumentError when the manifest counts the page but the index or the page's document fails it.
   */
  async archivePage(slug: string, page: number): Promise<Brief[] | undefined> {
    if (!this.hasArchive(slug, page)) return undefined;
    const key = await this.archiveKey(slug, page);
    if (key === undefined) {
      const shard = this.#shardKey(indexKey.archive(slug, page)) ?? "index";
      throw this.#corrupt(
        shard,
        `has no archive page ${page} of set "${slug}", though the manifest counts it`,
      );
    }
    const document = await this.documents.get<PageDocument>(key, pageShape);
    const size = archivePageSize(this.site.feedSize);
    if (document.briefs.length !== size) {
      throw this.#corrupt(key, `lists ${document.briefs.length} briefs where an archive page holds ${size}`);
    }
    return Promise.all(document.briefs.map((key) => this.documents.get(key, briefShape)));
  }

  /** The key of archive page `page`'s document, which changes exactly when the page's briefs do. */
  async archiveKey(slug: string, page: number): Promise<string | undefined> {
    const entry = await this.#entry(indexKey.archive(slug, page));
    return entry && "doc" in entry ? entry.doc : undefined;
  }

  /** The brief with `id`, whether it was withdrawn, or neither. */
  async lookup(id: string): Promise<BriefLookup> {
    const entry = await this.#entry(indexKey.brief(id));
    if (!entry) return { kind: "missing" };
    if ("withdrawn" in entry) return { kind: "withdrawn" };
    if (!("positions" in entry)) return { kind: "missing" };
    return {
      kind: "brief",
      brief: await this.documents.get(entry.doc, briefShape),
      positions: entry.positions,
    };
  }

  /** Up to `count` briefs of a set going back from position `from` (1 the oldest), newest first. */
  async briefsFrom(slug: string, from: number, count: number): Promise<Brief[]> {
    const set = this.set(slug);
    if (!set) return [];
    const latest = await this.latest(slug);
    const size = archivePageSize(this.site.feedSize);
    const positions = Array.from({ length: Math.max(0, Math.min(count, from)) }, (_, i) => from - i);
    const pages = new Map<number, Promise<Brief[] | undefined>>();
    return Promise.all(
      positions.map(async (position) => {
        const fromNewest = set.count - position;
        if (fromNewest < latest.length) return latest[fromNewest] as Brief;
        const page = Math.ceil(position / size);
        if (!pages.has(page)) pages.set(page, this.archivePage(slug, page));
        // archivePage checks that the page exists and holds a whole page of briefs, or rejects.
        const briefs = (await pages.get(page)) as Brief[];
        return briefs[archiveRange(page, this.site.feedSize).last - position] as Brief;
      }),
    );
  }

  /** The child sitemaps, in the order the index lists them. */
  sitemaps(): SitemapEntry[] {
    return this.manifest.sitemaps ?? [];
  }

  /** The URLs of the child sitemap `name`; undefined when there is none. */
  async sitemap(name: string): Promise<SitemapDocument | undefined> {
    const entry = this.sitemaps().find((sitemap) => sitemap.name === name);
    return entry && this.documents.get(entry.doc, sitemapShape);
  }

  /** The briefs the news sitemap lists, newest first. */
  async news(): Promise<NewsDocument["briefs"]> {
    const key = this.manifest.news;
    return key === undefined ? [] : (await this.documents.get(key, newsShape)).briefs;
  }

  /** A value derived from this version only (a rendered feed or page), computed once and kept. */
  rendered<T>(key: string, make: () => Promise<T> | T): Promise<T> {
    return this.#rendered.remember(key, async () => make()) as Promise<T>;
  }

  async #entry(key: string): Promise<IndexEntry | undefined> {
    const shard = this.#shardKey(key);
    if (!shard) return undefined;
    const entries = await this.documents.get(shard, shardShape);
    return Object.hasOwn(entries, key) ? entries[key] : undefined;
  }

  #shardKey(key: string): string | undefined {
    const shard = shardOf(key);
    return Object.hasOwn(this.manifest.shards, shard) ? this.manifest.shards[shard] : undefined;
  }

  #corrupt(key: string, problem: string): CorruptDocumentError {
    return new CorruptDocumentError(this.documents.store.name, key, problem);
  }
}

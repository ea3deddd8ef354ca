// Compiles validated content into the content store: small immutable documents, each named by its content's
// hash, an index in 256 shards, and the manifest that names them all.
import { createHash } from "node:crypto";
import type { Brief } from "../../functions/catalog/brief.js";
import {
  ALL,
  archiveCount,
  archiveRange,
  type BriefEntry,
  type IndexEntry,
  indexKey,
  MANIFEST_KEY,
  type Manifest,
  type SetEntry,
  type ShardDocument,
  type SitemapEntry,
  shardOf,
  versionKey,
} from "../../functions/catalog/store-layout.js";
import { tagSlug } from "../../functions/catalog/tag-slug.js";
import type { Catalog } from "../content/catalog.js";
import { newsDocument, sitemapChunks } from "./sitemap-documents.js";

/** One document of the store. */
export interface StoreDocument {
  key: string;
  text: string;
}

/** A compiled store's manifest, and the documents that publish it. */
export interface CompiledStore {
  manifest: Manifest;
  /** The manifest, then its copy under versions/: written after every other document, in this order. */
  manifestDocuments: StoreDocument[];
}

/** Options of compileStore. */
export interface CompileOptions {
  /** Ids published before and gone now: they stay in the index as withdrawn, so their pages answer 410. */
  withdrawn?: Iterable<string>;
}

/**
 * Compiles `catalog` (briefs newest first), yielding every document but the manifest as it is made, so
 * none need stay in memory, and returning the manifest. Pure: the same content gives the same documents,
 * in the same order.
 */
export function* compileStore(
  catalog: Catalog,
  options: CompileOptions = {},
): Generator<StoreDocument, CompiledStore> {
  const { site } = catalog;
  const members = setMembers(catalog.briefs);
  const index = new Map<string, IndexEntry>();
  // Each brief's entry, filled in with its position in every set it belongs to.
  const entries = new Map<string, BriefEntry>();
  for (const brief of catalog.briefs) {
    const document = storeDocument(`briefs/${brief.id}`, brief);
    const entry: BriefEntry = { doc: document.key, positions: {} };
    entries.set(brief.id, entry);
    index.set(indexKey.brief(brief.id), entry);
    yield document;
  }
  for (const [slug, briefs] of members) {
    briefs.forEach((brief, i) => {
      (entries.get(brief.id) as BriefEntry).positions[slug] = briefs.length - i;
    });
  }
  for (const id of options.withdrawn ?? []) {
    if (!entries.has(id)) index.set(indexKey.brief(id), { withdrawn: true });
  }

  const sets: Record<string, SetEntry> = {};
  const inline: Manifest["inline"] = {};
  for (const [slug, briefs] of members) {
    const name = slug === ALL ? "_all" : slug;
    const newest = { briefs: briefs.slice(0, site.feedSize) };
    const latest = storeDocument(`latest/${name}`, newest);
    if (slug === ALL) inline[latest.key] = newest;
    yield latest;
    const archives = archiveCount(briefs.length, site.feedSize);
    for (let page = 1; page <= archives; page++) {
      const { first, last } = archiveRange(page, site.feedSize);
      const keys = briefs
        .slice(briefs.length - last, briefs.length - first + 1)
        .map((brief) => entries.get(brief.id)?.doc);
      const document = storeDocument(`archive/${name}/${page}`, { briefs: keys });
      index.set(indexKey.archive(slug, page), { doc: document.key });
      yield document;
    }
    sets[slug] = {
      tag: slug === ALL ? null : (briefs[0]?.tags.find((t) => tagSlug(t) === slug) ?? slug),
      count: briefs.length,
      archives,
      latest: latest.key,
    };
  }

  const shards: Record<string, ShardDocument> = {};
  for (const key of [...index.keys()].sort()) {
    const shard = shardOf(key);
    shards[shard] ??= {};
    (shards[shard] as ShardDocument)[key] = index.get(key) as IndexEntry;
  }
  const shardKeys: Record<string, string> = {};
  for (const shard of Object.keys(shards).sort()) {
    const document = storeDocument(`index/${shard}`, shards[shard]);
    shardKeys[shard] = document.key;
    yield document;
  }

  const sitemaps: SitemapEntry[] = [];
  for (const { name, document, lastmod } of sitemapChunks(members, site.feedSize)) {
    const stored = storeDocument(`sitemap/${name}`, document);
    sitemaps.push({ name, doc: stored.key, lastmod, urls: document.urls.length });
    yield stored;
  }
  const news = storeDocument("news", newsDocument(catalog.briefs));
  yield news;

  const body = { site, sets, shards: shardKeys, inline, sitemaps, news: news.key };
  const version = contentHash(JSON.stringify({ format: 1, ...body }));
  const manifest: Manifest = { format: 1, version, ...body };
  const text = JSON.stringify(manifest);
  return {
    manifest,
    manifestDocuments: [
      { key: MANIFEST_KEY, text },
      { key: versionKey(version), text },
    ],
  };
}

/**
 * Compiles `catalog` as compileStore does, handing each document to `each`, the manifest and its copy
 * last, for callers that write synchronously.
 */
export function compileInto(
  catalog: Catalog,
  each: (document: StoreDocument) => void,
  options: CompileOptions = {},
): CompiledStore {
  const documents = compileStore(catalog, options);
  let step = documents.next();
  for (; !step.done; step = documents.next()) each(step.value);
  for (const document of step.value.manifestDocuments) each(document);
  return step.value;
}

/** A document named by its path and the hash of its JSON text. */
function storeDocument(name: string, value: unknown): StoreDocument {
  const text = JSON.stringify(value);
  return { key: `${name}.${contentHash(text)}.json`, text };
}

/** Every set's briefs, newest first: every brief under ALL, then each tag's, in slug order. */
function setMembers(briefs: Brief[]): Map<string, Brief[]> {
  const byTag = new Map<string, Brief[]>();
  for (const brief of briefs) {
    for (const tag of brief.tags) {
      const slug = tagSlug(tag);
      const list = byTag.get(slug) ?? [];
      // A brief that lists one tag twice is in its set once.
      if (list.at(-1) !== brief) list.push(brief);
      byTag.set(slug, list);
    }
  }
  const tags = [...byTag.keys()].sort();
  return new Map([[ALL, briefs], ...tags.map((slug): [string, Brief[]] => [slug, byTag.get(slug) ?? []])]);
}

/** The first 16 hex digits of the SHA-256 of `text`: 64 bits, unique among a store's documents. */
export function contentHash(text: string): string {
  return createHash("sha256").update(text).digest("hex").slice(0, 16);
}

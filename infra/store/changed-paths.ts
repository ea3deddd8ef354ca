// The public paths whose answers differ between two published versions of a store, for a CDN to forget:
// the front page, the feeds of every set that changed, changed archive pages, changed briefs' pages.
import { shardShape } from "../../functions/catalog/document-shapes.js";
import { Documents } from "../../functions/catalog/documents.js";
import {
  ALL,
  type IndexEntry,
  type Manifest,
  type ShardDocument,
} from "../../functions/catalog/store-layout.js";
import { FEED_FILES, type FeedFormat, Links } from "../../functions/links.js";
import type { ContentStore } from "../../functions/store/content-store.js";

/** A group with more explicit paths than this is replaced by one wildcard over the group. */
export const MAX_PATHS_PER_GROUP = 100;
/** Past this many paths in all, everything is invalidated (CloudFront allows 3,000 in progress). */
export const MAX_PATHS = 1000;

/** One version as the diff reads it: its manifest, and where its index shards can be read. */
export interface PublishedVersionIndex {
  manifest: Manifest;
  store: ContentStore;
}

const paths = new Links("");
const FORMATS = Object.keys(FEED_FILES) as FeedFormat[];

/**
 * The paths to invalidate when `after` replaces `before` (undefined: nothing was published there, so
 * everything the CDN holds predates the store). Sorted, deduplicated, with wildcards where a group is large;
 * empty when the versions are the same.
 */
export async function changedPaths(
  before: PublishedVersionIndex | undefined,
  after: PublishedVersionIndex,
): Promise<string[]> {
  if (before?.manifest.version === after.manifest.version) return [];
  if (!before || JSON.stringify(before.manifest.site) !== JSON.stringify(after.manifest.site)) return ["/*"];
  // The front page lists the newest briefs; list answers page through every set, their cursors shift.
  const found = new Set<string>(["/", "/api/briefs*"]);
  const feeds = (slug: string, tag: string | null, page?: number) => {
    for (const format of FORMATS) found.add(paths.feed(format, tag ?? undefined, page));
    if (slug !== ALL && page === undefined) found.add(`/tags/${slug}`);
  };
  const tagOf = (slug: string) => after.manifest.sets[slug]?.tag ?? before.manifest.sets[slug]?.tag ?? null;

  for (const slug of new Set([...Object.keys(before.manifest.sets), ...Object.keys(after.manifest.sets)])) {
    const old = before.manifest.sets[slug];
    const next = after.manifest.sets[slug];
    if (JSON.stringify(old) === JSON.stringify(next)) continue;
    feeds(slug, tagOf(slug));
    // The last archive page of before links on to the next one once it exists.
    const lastKept = Math.min(old?.archives ?? 0, next?.archives ?? 0);
    if (lastKept > 0 && old?.archives !== next?.archives) feeds(slug, tagOf(slug), lastKept);
  }

  let briefChanged = false;
  const beforeDocuments = new Documents(before.store);
  const afterDocuments = new Documents(after.store);
  for (const shard of new Set([
    ...Object.keys(before.manifest.shards),
    ...Object.keys(after.manifest.shards),
  ])) {
    const oldKey = before.manifest.shards[shard];
    const newKey = after.manifest.shards[shard];
    if (oldKey === newKey) continue;
    const old: ShardDocument = oldKey ? await beforeDocuments.get(oldKey, shardShape) : {};
    const next: ShardDocument = newKey ? await afterDocuments.get(newKey, shardShape) : {};
    for (const name of new Set([...Object.keys(old), ...Object.keys(next)])) {
      if (identity(old[name]) === identity(next[name])) continue;
      const [kind, ...rest] = name.split(":");
      if (kind === "brief") {
        const id = rest.join(":");
        briefChanged = true;
        found.add(`/briefs/${id}`).add(`/embed/${id}`);
      } else if (kind === "archive") {
        const [slug = ALL, page = "0"] = rest;
        feeds(slug, tagOf(slug), Number(page));
      }
    }
  }
  if (briefChanged) found.add("/oembed*");
  return collapse([...found]);
}

/** What a reader of the entry's pages sees: its document, or that it was withdrawn; not its positions. */
function identity(entry: IndexEntry | undefined): string {
  if (entry === undefined) return "";
  return "withdrawn" in entry ? "withdrawn" : entry.doc;
}

/** Replaces each large group (`/briefs/…`, `/tags/…`) by its wildcard, and everything by `/*` past MAX_PATHS. */
function collapse(list: string[]): string[] {
  const groups = new Map<string, string[]>();
  for (const path of list) {
    const group = /^\/[^/]+\//.exec(path)?.[0] ?? path;
    const members = groups.get(group);
    if (members) members.push(path);
    else groups.set(group, [path]);
  }
  const result = [...groups].flatMap(([group, members]) =>
    members.length > MAX_PATHS_PER_GROUP ? [`${group}*`] : members,
  );
  return result.length > MAX_PATHS ? ["/*"] : result.sort();
}

// What a store already holds: the versions published to it, in order, and the documents each one names.
import { shardShape } from "../../functions/catalog/document-shapes.js";
import { Documents } from "../../functions/catalog/documents.js";
import { indexKey, MANIFEST_KEY, type Manifest, versionKey } from "../../functions/catalog/store-layout.js";
import type { ContentStore, WritableContentStore } from "../../functions/store/content-store.js";
import { mapLimit } from "../publish/ping.js";

/** The store's list of published versions, oldest first: written before each new manifest. */
export const HISTORY_KEY = "versions.json";

/** One published version. */
export interface PublishedVersion {
  version: string;
  /** When it was published, ISO 8601. */
  published: string;
}

/** The manifest a store serves now, or undefined when nothing was published there yet. */
export async function currentManifest(store: ContentStore): Promise<Manifest | undefined> {
  const answer = await store.get(MANIFEST_KEY);
  return answer.status === 200 ? (JSON.parse(answer.text) as Manifest) : undefined;
}

/** The versions published to `store`, oldest first. */
export async function readHistory(store: ContentStore): Promise<PublishedVersion[]> {
  const answer = await store.get(HISTORY_KEY);
  return answer.status === 200 ? (JSON.parse(answer.text) as PublishedVersion[]) : [];
}

/**
 * Every key `manifest` names, its own copy included, and every brief id it lists, published or withdrawn.
 * Pass one `documents` for several versions: they share most of their shards.
 */
export async function namedBy(
  store: ContentStore,
  manifest: Manifest,
  documents = new Documents(store),
): Promise<{ keys: Set<string>; briefs: Set<string>; withdrawn: Set<string> }> {
  const prefix = indexKey.brief("");
  const keys = new Set<string>([versionKey(manifest.version)]);
  const briefs = new Set<string>();
  const withdrawn = new Set<string>();
  for (const set of Object.values(manifest.sets)) keys.add(set.latest);
  for (const sitemap of manifest.sitemaps ?? []) keys.add(sitemap.doc);
  if (manifest.news !== undefined) keys.add(manifest.news);
  const shards = await mapLimit(Object.values(manifest.shards), 16, async (key) => {
    keys.add(key);
    return documents.get(key, shardShape);
  });
  for (const shard of shards) {
    for (const [name, entry] of Object.entries(shard)) {
      if ("doc" in entry) keys.add(entry.doc);
      if (!name.startsWith(prefix)) continue;
      if ("withdrawn" in entry) withdrawn.add(name.slice(prefix.length));
      else briefs.add(name.slice(prefix.length));
    }
  }
  return { keys, briefs, withdrawn };
}

/** How long a replaced version stays readable by default: two checks of the manifest and their timeouts. */
export const PRUNE_GRACE_MS = 2 * 60_000;

/**
 * Deletes every document that no kept version names: the newest `keep`, and every version replaced less
 * than `graceMs` ago, since running functions may serve it until their next check of the manifest.
 * Returns how many documents it deleted.
 */
export async function prune(
  store: WritableContentStore,
  keep: number,
  { now = Date.now(), graceMs = PRUNE_GRACE_MS }: { now?: number; graceMs?: number } = {},
): Promise<number> {
  const history = await readHistory(store);
  const kept = history.filter(
    (_, i) => i >= history.length - keep || Date.parse(history[i + 1]?.published ?? "") > now - graceMs,
  );
  const named = new Set<string>([MANIFEST_KEY, HISTORY_KEY]);
  const documents = new Documents(store);
  for (const { version } of kept) {
    const answer = await store.get(versionKey(version));
    if (answer.status !== 200) continue;
    const { keys } = await namedBy(store, JSON.parse(answer.text) as Manifest, documents);
    for (const key of keys) named.add(key);
  }
  const doomed = (await store.list("")).filter((key) => !named.has(key));
  await mapLimit(doomed, 16, (key) => store.delete(key));
  await store.put(HISTORY_KEY, JSON.stringify(kept));
  return doomed.length;
}

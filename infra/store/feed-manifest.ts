// `dist/feeds.json`: every feed's URL and a tag of what it is made from, which `npm run publish` compares to tell
// a WebSub hub what changed. No feed is rendered: a feed changes exactly when the documents it is made of do.
import type { Snapshot } from "../../functions/catalog/snapshot.js";
import { ALL, type SetEntry } from "../../functions/catalog/store-layout.js";
import { feedAddresses, Links } from "../../functions/links.js";
import { contentHash } from "./compile-store.js";

/** `dist/feeds.json`. */
export interface FeedManifest {
  hub: string | null;
  feeds: { url: string; etag: string }[];
}

/** Lists every feed of `snapshot` at `baseUrl` (default the site's) with a strong tag of its sources. */
export async function feedManifest(snapshot: Snapshot, baseUrl?: string): Promise<FeedManifest> {
  const links = new Links(baseUrl ?? snapshot.site.baseUrl);
  const site = contentHash(JSON.stringify(snapshot.site));
  const list: FeedManifest["feeds"] = [];
  for (const { format, slug = ALL, page, url } of feedAddresses(snapshot.manifest, links)) {
    const set = snapshot.set(slug) as SetEntry;
    // The newest page links to the last archive page; an archive page links on only while newer ones exist.
    const sources =
      page === undefined
        ? `${set.latest} ${set.archives}`
        : `${await snapshot.archiveKey(slug, page)} ${page < set.archives}`;
    list.push({ url, etag: `"${contentHash(`${format} ${url} ${site} ${sources}`)}"` });
  }
  return { hub: snapshot.site.hub, feeds: list };
}

// `dist/feeds.json`: every feed's URL and a tag of what it is made from, which `npm run publish` compares to tell
// a WebSub hub what changed. No feed is rendered: a feed changes exactly when the documents it is made of do.
import type { Snapshot } from "../../functions/catalog/snapshot.js";
import { FEED_FILES, type FeedFormat, Links } from "../../functions/links.js";
import { contentHash } from "./compile-store.js";

/** `dist/feeds.json`. */
export interface FeedManifest {
  hub: string | null;
  feeds: { url: string; etag: string }[];
}

/** Lists every feed of `snapshot` at `baseUrl` (default the site's) with a strong tag of its sources. */
export async function feedManifest(snapshot: Snapshot, baseUrl?: string): Promise<FeedManifest> {
  const links = new Links((baseUrl ?? snapshot.site.baseUrl).replace(/\/+$/, ""));
  const site = contentHash(JSON.stringify(snapshot.site));
  const formats = Object.keys(FEED_FILES) as FeedFormat[];
  const feeds: FeedManifest["feeds"] = [];
  const add = (tag: string | null, page: number | undefined, sources: string) => {
    for (const format of formats) {
      const url = links.feed(format, tag ?? undefined, page);
      feeds.push({ url, etag: `"${contentHash(`${format} ${url} ${site} ${sources}`)}"` });
    }
  };
  for (const [slug, set] of Object.entries(snapshot.manifest.sets)) {
    // The newest page links to the last archive page; an archive page links on only while newer ones exist.
    add(set.tag, undefined, `${set.latest} ${set.archives}`);
    for (let page = 1; page <= set.archives; page++) {
      add(set.tag, page, `${await snapshot.archiveKey(slug, page)} ${page < set.archives}`);
    }
  }
  return { hub: snapshot.site.hub, feeds };
}

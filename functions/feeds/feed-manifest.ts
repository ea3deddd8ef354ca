// The list of every feed document with its ETag: what `npm run publish` compares to tell a WebSub hub what changed.
import type { Catalog } from "../../infra/content/catalog.js";
import { Links } from "../links.js";
import { FeedStore } from "./feed-store.js";

/** `dist/feeds.json`. */
export interface FeedManifest {
  hub: string | null;
  feeds: { url: string; etag: string }[];
}

/** Renders every feed of `catalog` at `baseUrl` and lists its URL and ETag. */
export function feedManifest(catalog: Catalog, baseUrl: string): FeedManifest {
  const store = new FeedStore(catalog, new Links(baseUrl));
  const feeds = [...store.addresses()].map(({ url, ...address }) => {
    const document = store.get(address);
    if (!document) throw new Error(`the feed store lists ${url} but cannot render it`);
    return { url, etag: document.etag };
  });
  return { hub: catalog.site.hub, feeds };
}

// Every public URL and permanent id the service hands out, built from the base URL in one place.
import type { Brief, Site } from "./catalog/brief.js";
import type { Manifest } from "./catalog/store-layout.js";
import { tagSlug } from "./catalog/tag-slug.js";

/** The three feed formats. */
export type FeedFormat = "rss" | "atom" | "json";

/** File name of each feed format. */
export const FEED_FILES: Record<FeedFormat, string> = {
  rss: "feed.xml",
  atom: "atom.xml",
  json: "feed.json",
};

/** Media type of each feed format. */
export const FEED_TYPES: Record<FeedFormat, string> = {
  rss: "application/rss+xml",
  atom: "application/atom+xml",
  json: "application/feed+json",
};

/** Names one feed document: a format, a set (undefined for all briefs, else a tag slug) and a page. */
export interface FeedAddress {
  format: FeedFormat;
  slug?: string;
  /** Archive page, 1 the oldest; undefined for the current page. */
  page?: number;
}

/** Every feed document of `manifest` and its URL: the main feeds, then each tag's; current page first. */
export function* feedAddresses(manifest: Manifest, links: Links): Generator<FeedAddress & { url: string }> {
  for (const [slug, set] of Object.entries(manifest.sets)) {
    for (let page = 0; page <= set.archives; page++) {
      for (const format of Object.keys(FEED_FILES) as FeedFormat[]) {
        const address = { format, slug: slug || undefined, page: page || undefined };
        yield { ...address, url: links.feed(format, set.tag ?? undefined, address.page) };
      }
    }
  }
}

/** URL builders for one base URL (no trailing slash). */
export class Links {
  /** The base URL without trailing slashes. */
  readonly base: string;

  constructor(base: string) {
    this.base = base.replace(/\/+$/, "");
  }

  /** Scheme, host and port of the base URL: the server a browser connects to. */
  origin(): string {
    return new URL(this.base).origin;
  }
  home(): string {
    return `${this.base}/`;
  }
  briefPage(id: string): string {
    return `${this.base}/briefs/${id}`;
  }
  tagPage(tag: string): string {
    return `${this.base}/tags/${tagSlug(tag)}`;
  }
  briefApi(id: string): string {
    return `${this.base}/api/briefs/${id}`;
  }
  briefList(): string {
    return `${this.base}/api/briefs`;
  }
  /** A feed: all briefs or one tag's; the current page, or archive page `page` (1 is the oldest). */
  feed(format: FeedFormat, tag?: string, page?: number): string {
    const set = tag === undefined ? "" : `/tags/${tagSlug(tag)}`;
    const archive = page === undefined ? "" : `/archive/${page}`;
    return `${this.base}${set}${archive}/${FEED_FILES[format]}`;
  }
  /** The widget script under `file`: by default the name partners paste, which always serves the current version. */
  widgetScript(file = "news-brief.js"): string {
    return `${this.base}/widget/${file}`;
  }
}

/**
 * Permanent ids (RFC 4151 `tag:` URIs): they depend on the brief id and the site's id authority only,
 * never on the base URL or scheme, so moving the service never marks items unread again.
 */
export const ids = {
  brief: (site: Site, brief: Brief) => `tag:${site.idAuthority}:brief:${brief.id}`,
  feed: (site: Site, tag?: string) =>
    `tag:${site.idAuthority}:feed${tag === undefined ? "" : `:tag:${tagSlug(tag)}`}`,
};

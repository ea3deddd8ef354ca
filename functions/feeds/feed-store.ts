// Every feed document of a catalog, rendered once on first request and kept with its validators.
import type { Catalog } from "../../infra/content/catalog.js";
import { tagSlug } from "../../infra/content/tag-slug.js";
import { Representation } from "../http/representation.js";
import { FEED_FILES, FEED_TYPES, type FeedFormat, type Links } from "../links.js";
import { feedModel } from "./feed-model.js";
import { archiveCount, type FeedSet, feedSets, pageBriefs } from "./feed-sets.js";
import { renderFeedModel } from "./render-feed.js";

/** Names one feed document: a format, a set (undefined for all briefs, else a tag slug) and a page. */
export interface FeedAddress {
  format: FeedFormat;
  slug?: string;
  /** Archive page, 1 the oldest; undefined for the current page. */
  page?: number;
}

/** The feeds of one catalog at one base URL. Documents are rendered lazily, each once. */
export class FeedStore {
  readonly #sets = new Map<string, FeedSet>();
  readonly #rendered = new Map<string, Representation>();

  constructor(
    readonly catalog: Catalog,
    readonly links: Links,
  ) {
    for (const set of feedSets(catalog)) this.#sets.set(set.tag === undefined ? "" : tagSlug(set.tag), set);
  }

  /** The document at `address`, or undefined when there is none (unknown tag, page out of range). */
  get({ format, slug = "", page }: FeedAddress): Representation | undefined {
    const set = this.#sets.get(slug);
    const size = this.catalog.site.feedSize;
    if (!set || (page !== undefined && (page < 1 || page > archiveCount(set, size)))) return undefined;
    const key = `${format} ${slug} ${page ?? ""}`;
    let representation = this.#rendered.get(key);
    if (!representation) {
      const source = {
        site: this.catalog.site,
        links: this.links,
        tag: set.tag,
        page,
        archives: archiveCount(set, size),
        briefs: pageBriefs(set, size, page),
      };
      const model = feedModel(source);
      representation = new Representation(
        renderFeedModel(format, model),
        `${FEED_TYPES[format]}; charset=utf-8`,
        model.updated,
      );
      this.#rendered.set(key, representation);
    }
    return representation;
  }

  /** The public URL of the document at `address` (which must exist). */
  url({ format, slug = "", page }: FeedAddress): string {
    return this.links.feed(format, this.#sets.get(slug)?.tag, page);
  }

  /** Every document's address and URL: the main feeds, then each tag's; current page first, then archives. */
  *addresses(): Generator<FeedAddress & { url: string }> {
    for (const [slug, set] of this.#sets) {
      const pages = [
        undefined,
        ...Array.from({ length: archiveCount(set, this.catalog.site.feedSize) }, (_, i) => i + 1),
      ];
      for (const page of pages) {
        for (const format of Object.keys(FEED_FILES) as FeedFormat[]) {
          yield { format, slug: slug || undefined, page, url: this.links.feed(format, set.tag, page) };
        }
      }
    }
  }
}

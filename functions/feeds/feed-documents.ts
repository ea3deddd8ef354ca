// Every feed document of one content version, rendered on first request and kept with its validators.
import type { Snapshot } from "../catalog/snapshot.js";
import { ALL } from "../catalog/store-layout.js";
import { Representation } from "../http/representation.js";
import { FEED_TYPES, type FeedAddress, feedAddresses, type Links } from "../links.js";
import { feedModel } from "./feed-model.js";
import { renderFeedModel } from "./render-feed.js";

/** The feeds of one version at one base URL. Each document is rendered once, from a few store documents. */
export class FeedDocuments {
  constructor(
    readonly snapshot: Snapshot,
    readonly links: Links,
  ) {}

  /** The document at `address`, or undefined when there is none (unknown tag, page out of range). */
  async get({ format, slug = ALL, page }: FeedAddress): Promise<Representation | undefined> {
    const { snapshot, links } = this;
    const set = snapshot.set(slug);
    if (!set || (page !== undefined && !snapshot.hasArchive(slug, page))) return undefined;
    return snapshot.rendered(`feed ${links.base} ${format} ${slug} ${page ?? ""}`, async () => {
      const briefs =
        page === undefined ? await snapshot.latest(slug) : await snapshot.archivePage(slug, page);
      const model = feedModel({
        site: snapshot.site,
        links,
        tag: set.tag ?? undefined,
        page,
        archives: set.archives,
        briefs: briefs ?? [],
      });
      return new Representation(
        renderFeedModel(format, model),
        `${FEED_TYPES[format]}; charset=utf-8`,
        model.updated,
      );
    });
  }

  /** The public URL of the document at `address`. */
  url({ format, slug = ALL, page }: FeedAddress): string {
    return this.links.feed(format, this.snapshot.set(slug)?.tag ?? undefined, page);
  }

  /** Every document's address and URL: the main feeds, then each tag's; current page first, then archives. */
  addresses(): Generator<FeedAddress & { url: string }> {
    return feedAddresses(this.snapshot.manifest, this.links);
  }
}

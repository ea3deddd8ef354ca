// RSS 2.0, written by the `feed` package from the feed model.
import { Feed } from "feed";
import { escapeHtml } from "../catalog/html.js";
import { channelOptions } from "./channel-options.js";
import type { FeedModel } from "./feed-model.js";
import { escapeXmlText, hexEscapeMarkup } from "./hex-escapes.js";
import { withRssHistory } from "./history-links.js";
import { protectAttribute, restoreAttributes } from "./xml-attributes.js";

/** Renders RSS 2.0. Deterministic: every date comes from the model. */
export function renderRss(model: FeedModel): string {
  const feed = new Feed(channelOptions(model, { feedLinks: { rss: model.self.rss } }));
  for (const entry of model.entries) {
    feed.addItem({
      title: entry.title,
      id: entry.id,
      link: entry.url,
      date: entry.updated,
      published: entry.published,
      // RSS descriptions are HTML in every reader: escaping keeps "<" in a lead as text.
      description: escapeHtml(entry.lead),
      content: entry.contentHtml,
      category: entry.tags.map((tag) => ({ name: tag })),
      // RSS <author> must be an e-mail address (W3C validator: InvalidContact); a name goes in dc:creator.
      extensions: entry.author ? [{ name: "dc:creator", objects: { _text: entry.author } }] : [],
      ...(entry.image && {
        enclosure: { url: entry.image.url, type: protectAttribute(entry.image.type), length: 0 },
      }),
    });
  }
  return hexEscapeMarkup(restoreAttributes(withRssHistory(itemTitlesAsText(feed.rss2(), model), model)));
}

/**
 * `feed` wraps item titles in CDATA, which the validator reads as possible HTML; write each as
 * escaped text instead (the n-th title element inside an item is the n-th entry's).
 */
function itemTitlesAsText(xml: string, model: FeedModel): string {
  let index = 0;
  return xml.replace(
    /<title>(?:<!\[CDATA\[[\s\S]*?\]\]>)+<\/title>/g,
    () => `<title>${escapeXmlText(model.entries[index++]?.title ?? "")}</title>`,
  );
}

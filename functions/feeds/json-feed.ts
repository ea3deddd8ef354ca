// JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/), built directly: `feed` only writes version 1.0.
import type { FeedModel } from "./feed-model.js";
import { nextUrl } from "./history-links.js";

/** Renders JSON Feed 1.1. Deterministic: every date comes from the model. */
export function renderJsonFeed(model: FeedModel): string {
  const feed = {
    version: "https://jsonfeed.org/version/1.1",
    title: model.title,
    home_page_url: model.home,
    feed_url: model.self.json,
    ...(nextUrl(model.history.json) && { next_url: nextUrl(model.history.json) }),
    description: model.description,
    language: model.lang,
    authors: [{ name: model.publisher.name, url: model.publisher.url }],
    ...(model.hub && { hubs: [{ type: "WebSub", url: model.hub }] }),
    items: model.entries.map((entry) => ({
      id: entry.id,
      url: entry.url,
      title: entry.title,
      summary: entry.lead,
      content_html: entry.contentHtml,
      date_published: entry.published.toISOString(),
      ...(entry.updated.getTime() !== entry.published.getTime() && {
        date_modified: entry.updated.toISOString(),
      }),
      tags: entry.tags,
      language: entry.lang,
      ...(entry.author && { authors: [{ name: entry.author }] }),
      ...(entry.image && {
        image: entry.image.url,
        attachments: [{ url: entry.image.url, mime_type: entry.image.type, title: entry.image.alt }],
      }),
    })),
  };
  return `${JSON.stringify(feed, null, 2)}\n`;
}

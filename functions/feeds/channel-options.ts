// The channel-level options RSS and Atom share when they hand the feed model to the `feed` package.
import type { FeedOptions } from "feed";
import type { FeedModel } from "./feed-model.js";

/** Generator name written into RSS and Atom. */
export const GENERATOR = "news-brief";

/** Title, ids, links, language, dates and rights of the channel; `extra` adds the format's own. */
export function channelOptions(model: FeedModel, extra: Partial<FeedOptions>): FeedOptions {
  return {
    id: model.id,
    title: model.title,
    description: model.description,
    link: model.home,
    language: model.lang,
    // Never left to `feed`, which would write the time of rendering.
    updated: model.updated,
    generator: GENERATOR,
    copyright: model.publisher.name,
    stylesheet: model.stylesheet,
    ...(model.hub && { hub: model.hub }),
    ...extra,
  };
}

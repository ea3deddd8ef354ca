// One entry point for the three formats: render(format, source) → string, pure and deterministic.
import type { FeedFormat } from "../links.js";
import { renderAtom } from "./atom.js";
import { type FeedModel, type FeedSource, feedModel } from "./feed-model.js";
import { renderJsonFeed } from "./json-feed.js";
import { renderRss } from "./rss.js";

const RENDERERS = { rss: renderRss, atom: renderAtom, json: renderJsonFeed } as const;

/** Renders one feed in one format. */
export function renderFeed(format: FeedFormat, source: FeedSource): string {
  return renderFeedModel(format, feedModel(source));
}

/** Renders an already built feed model in one format. */
export function renderFeedModel(format: FeedFormat, model: FeedModel): string {
  return RENDERERS[format](model);
}

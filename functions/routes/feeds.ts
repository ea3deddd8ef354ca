// The feed routes: /feed.xml (RSS 2.0), /atom.xml (Atom 1.0), /feed.json (JSON Feed 1.1).
import { Hono } from "hono";
import type { Section } from "../app.js";
import { renderFeed } from "../feeds/render-feed.js";
import { FEED_FILES, FEED_TYPES, type FeedFormat } from "../links.js";
import { SHORT_CACHE } from "./cache-control.js";
import { readOnly } from "./read-only.js";

/** Serves the main feeds, each rendered once per app instance (the content never changes at run time). */
export const feedRoutes: Section = ({ catalog, links }) => {
  const app = new Hono();
  const rendered = new Map<FeedFormat, string>();
  const briefs = catalog.briefs.slice(0, catalog.site.feedSize);
  for (const format of Object.keys(FEED_FILES) as FeedFormat[]) {
    readOnly(app, `/${FEED_FILES[format]}`, (c) => {
      const body = rendered.get(format) ?? renderFeed(format, { site: catalog.site, links, briefs });
      rendered.set(format, body);
      return c.body(body, 200, {
        "Content-Type": `${FEED_TYPES[format]}; charset=utf-8`,
        "Cache-Control": SHORT_CACHE,
      });
    });
  }
  return app;
};

// GET /feed.xsl: the stylesheet that shows the RSS and Atom feeds as a readable page in a browser.
import { Hono } from "hono";
import type { Section } from "../app.js";
import { FEED_STYLESHEET } from "../feeds/feed-stylesheet.js";
import { SCRIPT_CACHE } from "./cache-control.js";
import { readOnly } from "./read-only.js";

/** Serves FEED_STYLESHEET, cached like the widget script since it changes only with a deployment. */
export const feedStylesheetRoute: Section = () =>
  readOnly(new Hono(), "/feed.xsl", (c) =>
    c.body(FEED_STYLESHEET, 200, {
      "Content-Type": "text/xsl; charset=utf-8",
      "Cache-Control": SCRIPT_CACHE,
    }),
  );

// Every section of the app, for hosts that serve everything from one process.
import type { Section } from "./app.js";
import { apiRoutes } from "./routes/api.js";
import { feedStylesheetRoute } from "./routes/feed-stylesheet.js";
import { feedRoutes } from "./routes/feeds.js";
import { oembedRoutes } from "./routes/oembed.js";
import { pageRoutes } from "./routes/pages.js";
import { sitemapRoutes } from "./routes/sitemaps.js";
import { type WidgetScript, widgetScriptRoute } from "./routes/widget-script.js";

/** Feeds and their stylesheet, API, pages, sitemaps and robots.txt, oEmbed and the widget script. */
export function allSections(widgetScript: WidgetScript): Section[] {
  return [
    feedRoutes,
    feedStylesheetRoute,
    apiRoutes,
    pageRoutes(widgetScript.file),
    sitemapRoutes,
    oembedRoutes,
    widgetScriptRoute(widgetScript),
  ];
}

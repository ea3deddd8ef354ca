// Every section of the app, for hosts that serve everything from one process.
import type { Section } from "./app.js";
import { apiRoutes } from "./routes/api.js";
import { feedRoutes } from "./routes/feeds.js";
import { pageRoutes } from "./routes/pages.js";
import { widgetScriptRoute } from "./routes/widget-script.js";

/** Feeds, API, pages and the widget script. */
export function allSections(widgetScript: string): Section[] {
  return [feedRoutes, apiRoutes, pageRoutes, widgetScriptRoute(widgetScript)];
}

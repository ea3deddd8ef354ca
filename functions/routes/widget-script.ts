// GET /widget/news-brief.js: the widget bundle, loadable from any partner's page.
import { Hono } from "hono";
import type { Section } from "../app.js";
import { SCRIPT_CACHE } from "./cache-control.js";
import { readOnly } from "./read-only.js";

/** Serves `script`, the bundled widget, to any origin. */
export function widgetScriptRoute(script: string): Section {
  return () =>
    readOnly(new Hono(), "/widget/news-brief.js", (c) =>
      c.body(script, 200, {
        "Content-Type": "text/javascript; charset=utf-8",
        "Cache-Control": SCRIPT_CACHE,
        // A module script from another origin is fetched in CORS mode: without this header it does not run.
        "Access-Control-Allow-Origin": "*",
        "Cross-Origin-Resource-Policy": "cross-origin",
        "X-Content-Type-Options": "nosniff",
      }),
    );
}

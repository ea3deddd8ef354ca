// GET /widget/news-brief.js (the name partners paste) and /widget/news-brief.<hash>.js (this version, immutable).
import { Hono } from "hono";
import type { Section } from "../app.js";
import { openToEveryOrigin } from "../http/cors.js";
import { Representation } from "../http/representation.js";
import { send } from "../http/send.js";
import { IMMUTABLE_CACHE, WIDGET_CACHE } from "./cache-control.js";
import { readOnly } from "./read-only.js";

/** The widget bundle as the build made it. */
export interface WidgetScript {
  /** The minified ES module. */
  text: string;
  /** Its versioned file name, `news-brief.<first 10 hex digits of its SHA-256>.js`. */
  file: string;
}

/** The file name partners paste; it always serves the current version. */
export const WIDGET_FILE = "news-brief.js";

// Pages isolated with Cross-Origin-Embedder-Policy load it only with this header.
const HEADERS = { "Cross-Origin-Resource-Policy": "cross-origin" };

/**
 * Serves `widget` to any origin under both names, with an ETag, 304s and gzip or Brotli. Any other
 * `/widget/news-brief.<hash>.js` is a 404: answering an old hash with today's bytes would pin them for a year.
 *
 * The stable name answers the bytes themselves rather than a one-line module importing the hashed file.
 * A partner's `<script type="module">` then costs one request, not a waterfall of two (the browser finds
 * the import only after fetching and parsing the first); and after its 5 minutes the browser revalidates
 * with the ETag, so an unchanged widget costs a bodiless 304 either way.
 */
export function widgetScriptRoute(widget: WidgetScript): Section {
  const representation = new Representation(
    widget.text,
    "text/javascript; charset=utf-8",
    undefined,
    "smallest",
  );
  return () => {
    const app = new Hono();
    // A module script from another origin is fetched in CORS mode: without CORS it does not run.
    app.use("/widget/*", openToEveryOrigin);
    readOnly(app, `/widget/${WIDGET_FILE}`, (c) =>
      send(c, representation, { ...HEADERS, "Cache-Control": WIDGET_CACHE }),
    );
    readOnly(app, `/widget/${widget.file}`, (c) =>
      send(c, representation, { ...HEADERS, "Cache-Control": IMMUTABLE_CACHE }),
    );
    return app;
  };
}

// The HTML pages: / and /briefs/{id}.
import { Hono } from "hono";
import type { Section } from "../app.js";
import { NotFoundError } from "../http-errors.js";
import { briefPage } from "../pages/brief-page.js";
import { frontPage } from "../pages/front-page.js";
import { SHORT_CACHE } from "./cache-control.js";
import { readOnly } from "./read-only.js";

/** Serves the front page and one page per brief. */
export const pageRoutes: Section = ({ catalog, links }) => {
  const app = new Hono();
  const byId = new Map(catalog.briefs.map((brief) => [brief.id, brief]));
  readOnly(app, "/", (c) => {
    c.header("Cache-Control", SHORT_CACHE);
    return c.html(frontPage(catalog.site, links, catalog.briefs));
  });
  readOnly(app, "/briefs/:id", (c) => {
    const id = c.req.param("id") ?? "";
    const brief = byId.get(id);
    if (!brief) throw new NotFoundError(`No brief has the id "${id.slice(0, 100)}".`);
    c.header("Cache-Control", SHORT_CACHE);
    return c.html(briefPage(catalog.site, links, brief));
  });
  return app;
};

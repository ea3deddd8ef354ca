// The brief API: GET /api/briefs (newest first, paged) and GET /api/briefs/{id}, open to any origin.
import { Hono } from "hono";
import { cors } from "hono/cors";
import { briefJson } from "../api/brief-json.js";
import { parseListQuery, selectPage } from "../api/list-query.js";
import type { Section } from "../app.js";
import { NotFoundError } from "../http-errors.js";
import { SHORT_CACHE } from "./cache-control.js";
import { readOnly } from "./read-only.js";

/** Serves the JSON API with CORS for any origin, without credentials. */
export const apiRoutes: Section = ({ catalog, links }) => {
  const app = new Hono();
  const byId = new Map(catalog.briefs.map((brief) => [brief.id, brief]));
  app.use("/api/*", cors({ origin: "*", allowMethods: ["GET", "HEAD"], maxAge: 86400 }));
  readOnly(app, "/api/briefs", (c) => {
    const query = parseListQuery((name) => c.req.query(name));
    const page = selectPage(catalog.briefs, query);
    const last = page.items.at(-1);
    const next = new URL(links.briefList());
    next.searchParams.set("limit", String(query.limit));
    if (query.tag !== undefined) next.searchParams.set("tag", query.tag);
    if (last) next.searchParams.set("cursor", last.id);
    const items = page.items.map((brief) => briefJson(brief, links));
    return c.json({ items, next: page.more ? next.href : null }, 200, { "Cache-Control": SHORT_CACHE });
  });
  readOnly(app, "/api/briefs/:id", (c) => {
    const id = c.req.param("id") ?? "";
    const brief = byId.get(id);
    if (!brief) throw new NotFoundError(`No brief has the id "${id.slice(0, 100)}".`);
    return c.json(briefJson(brief, links), 200, { "Cache-Control": SHORT_CACHE });
  });
  return app;
};

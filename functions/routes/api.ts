// The brief API: GET /api/briefs (newest first, paged) and GET /api/briefs/{id}, open to any origin.
import { Hono } from "hono";
import { cors } from "hono/cors";
import type { Brief } from "../../infra/content/catalog.js";
import { briefJson } from "../api/brief-json.js";
import { parseListQuery, selectPage } from "../api/list-query.js";
import type { Section } from "../app.js";
import { Representation } from "../http/representation.js";
import { send } from "../http/send.js";
import { NotFoundError } from "../http-errors.js";
import { SHORT_CACHE } from "./cache-control.js";
import { readOnly } from "./read-only.js";

const JSON_TYPE = "application/json; charset=utf-8";
const lastChange = (brief: Brief) => new Date(brief.updated ?? brief.published);

/** Serves the JSON API with CORS for any origin, without credentials. */
export const apiRoutes: Section = ({ catalog, links }) => {
  const app = new Hono();
  const byId = new Map(catalog.briefs.map((brief) => [brief.id, brief]));
  const rendered = new Map<string, Representation>();
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
    const newest = page.items[0];
    const body = JSON.stringify({ items, next: page.more ? next.href : null });
    return send(c, new Representation(body, JSON_TYPE, newest && lastChange(newest)), {
      "Cache-Control": SHORT_CACHE,
    });
  });
  readOnly(app, "/api/briefs/:id", (c) => {
    const id = c.req.param("id") ?? "";
    const brief = byId.get(id);
    if (!brief) throw new NotFoundError(`No brief has the id "${id.slice(0, 100)}".`);
    let representation = rendered.get(id);
    if (!representation) {
      representation = new Representation(
        JSON.stringify(briefJson(brief, links)),
        JSON_TYPE,
        lastChange(brief),
      );
      rendered.set(id, representation);
    }
    return send(c, representation, { "Cache-Control": SHORT_CACHE });
  });
  return app;
};

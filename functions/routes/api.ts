// The brief API: GET /api/briefs (newest first, paged) and GET /api/briefs/{id}, open to any origin.
import { Hono } from "hono";
import { briefJson } from "../api/brief-json.js";
import { parseListQuery, selectPage } from "../api/list-query.js";
import type { Section } from "../app.js";
import type { Brief } from "../catalog/brief.js";
import { openToEveryOrigin } from "../http/cors.js";
import { Representation } from "../http/representation.js";
import { send } from "../http/send.js";
import { singleQuery } from "../http/single-query.js";
import { SHORT_CACHE } from "./cache-control.js";
import { findBrief } from "./find-brief.js";
import { readOnly } from "./read-only.js";

const JSON_TYPE = "application/json; charset=utf-8";
const lastChange = (brief: Brief) => new Date(brief.updated ?? brief.published);

/** Serves the JSON API with CORS for any origin, without credentials. */
export const apiRoutes: Section = ({ read }) => {
  const app = new Hono();
  app.use("/api/*", openToEveryOrigin);
  readOnly(app, "/api/briefs", async (c) => {
    const query = parseListQuery(singleQuery(c));
    const { snapshot, links } = await read();
    // Every unknown tag has the same empty answer: one key for all of them, so made-up tags cannot fill the cache.
    const known = query.tag === undefined || snapshot.set(query.tag) !== undefined;
    const key = known
      ? `list ${links.base} ${query.limit} ${query.tag ?? ""} ${query.cursor ?? ""}`
      : `list ${links.base} ${query.limit} (unknown tag)`;
    const representation = await snapshot.rendered(key, async () => {
      const page = await selectPage(snapshot, query);
      const last = page.items.at(-1);
      const next = new URL(links.briefList());
      next.searchParams.set("limit", String(query.limit));
      if (query.tag !== undefined) next.searchParams.set("tag", query.tag);
      if (last) next.searchParams.set("cursor", last.id);
      const items = page.items.map((brief) => briefJson(brief, links));
      const newest = page.items[0];
      const body = JSON.stringify({ items, next: page.more ? next.href : null });
      return new Representation(body, JSON_TYPE, newest && lastChange(newest));
    });
    return send(c, representation, { "Cache-Control": SHORT_CACHE });
  });
  readOnly(app, "/api/briefs/:id", async (c) => {
    const id = c.req.param("id") ?? "";
    const { snapshot, links } = await read();
    const brief = await findBrief(snapshot, id);
    const representation = await snapshot.rendered(
      `brief ${links.base} ${id}`,
      () => new Representation(JSON.stringify(briefJson(brief, links)), JSON_TYPE, lastChange(brief)),
    );
    return send(c, representation, { "Cache-Control": SHORT_CACHE });
  });
  return app;
};

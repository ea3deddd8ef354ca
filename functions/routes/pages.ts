// The HTML pages: /, /briefs/{id} and /tags/{tag}, each rendered once and sent with validators.
import { type Context, Hono } from "hono";
import type { Section } from "../app.js";
import type { Snapshot } from "../catalog/snapshot.js";
import { ALL } from "../catalog/store-layout.js";
import { Representation } from "../http/representation.js";
import { send } from "../http/send.js";
import { NotFoundError } from "../http-errors.js";
import { briefPage } from "../pages/brief-page.js";
import { frontPage } from "../pages/front-page.js";
import { tagPage } from "../pages/tag-page.js";
import { SHORT_CACHE } from "./cache-control.js";
import { findBrief } from "./find-brief.js";
import { readOnly } from "./read-only.js";

const HTML = "text/html; charset=utf-8";

/** Serves the front page, one page per brief and one per tag. */
export const pageRoutes: Section = ({ read }) => {
  /** Renders the page under `key` once per version; `newest` dates it (Last-Modified). */
  const page = (snapshot: Snapshot, key: string, render: () => unknown, newest: string | undefined) =>
    snapshot.rendered(
      key,
      async () => new Representation(String(await render()), HTML, newest ? new Date(newest) : undefined),
    );
  const answer = (c: Context, representation: Representation) =>
    send(c, representation, { "Cache-Control": SHORT_CACHE });

  const app = new Hono();
  readOnly(app, "/", async (c) => {
    const { snapshot, links } = await read();
    const briefs = await snapshot.latest(ALL);
    const tags = snapshot.tagSets().map(([, set]) => set.tag);
    const newest = briefs[0]?.updated ?? briefs[0]?.published;
    return answer(
      c,
      await page(
        snapshot,
        `page ${links.base} /`,
        () => frontPage(snapshot.site, links, briefs, tags),
        newest,
      ),
    );
  });
  readOnly(app, "/briefs/:id", async (c) => {
    const { snapshot, links } = await read();
    const brief = await findBrief(snapshot, c.req.param("id") ?? "");
    const key = `page ${links.base} /briefs/${brief.id}`;
    return answer(
      c,
      await page(
        snapshot,
        key,
        () => briefPage(snapshot.site, links, brief),
        brief.updated ?? brief.published,
      ),
    );
  });
  readOnly(app, "/tags/:slug", async (c) => {
    const slug = c.req.param("slug") ?? "";
    const { snapshot, links } = await read();
    const tag = slug === ALL ? null : (snapshot.set(slug)?.tag ?? null);
    if (tag === null) throw new NotFoundError(`No brief has the tag "${slug.slice(0, 100)}".`);
    const tagged = await snapshot.latest(slug);
    const key = `page ${links.base} /tags/${slug}`;
    return answer(
      c,
      await page(snapshot, key, () => tagPage(snapshot.site, links, tag, tagged), tagged[0]?.published),
    );
  });
  return app;
};

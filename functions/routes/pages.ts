// The HTML pages: /, /briefs/{id} and /tags/{tag}, each rendered once and sent with validators.
import { type Context, Hono } from "hono";
import { tagSlug } from "../../infra/content/tag-slug.js";
import type { Section } from "../app.js";
import { feedSets } from "../feeds/feed-sets.js";
import { Representation } from "../http/representation.js";
import { send } from "../http/send.js";
import { NotFoundError } from "../http-errors.js";
import { briefPage } from "../pages/brief-page.js";
import { frontPage } from "../pages/front-page.js";
import { tagPage } from "../pages/tag-page.js";
import { SHORT_CACHE } from "./cache-control.js";
import { readOnly } from "./read-only.js";

const HTML = "text/html; charset=utf-8";

/** Serves the front page, one page per brief and one per tag. */
export const pageRoutes: Section = ({ catalog, links }) => {
  const { site, briefs } = catalog;
  const byId = new Map(briefs.map((brief) => [brief.id, brief]));
  const [, ...tagSets] = feedSets(catalog);
  const byTag = new Map(tagSets.map((set) => [tagSlug(set.tag ?? ""), set]));
  const rendered = new Map<string, Representation>();

  /** Renders the page under `key` once; `newest` dates it (Last-Modified). */
  const page = async (key: string, render: () => unknown, newest: string | undefined) => {
    let representation = rendered.get(key);
    if (!representation) {
      representation = new Representation(
        String(await render()),
        HTML,
        newest ? new Date(newest) : undefined,
      );
      rendered.set(key, representation);
    }
    return representation;
  };
  const answer = (c: Context, representation: Representation) =>
    send(c, representation, { "Cache-Control": SHORT_CACHE });

  const app = new Hono();
  const tags = tagSets.map((set) => set.tag ?? "");
  readOnly(app, "/", async (c) =>
    answer(
      c,
      await page("/", () => frontPage(site, links, briefs, tags), briefs[0]?.updated ?? briefs[0]?.published),
    ),
  );
  readOnly(app, "/briefs/:id", async (c) => {
    const id = c.req.param("id") ?? "";
    const brief = byId.get(id);
    if (!brief) throw new NotFoundError(`No brief has the id "${id.slice(0, 100)}".`);
    return answer(
      c,
      await page(`/briefs/${id}`, () => briefPage(site, links, brief), brief.updated ?? brief.published),
    );
  });
  readOnly(app, "/tags/:slug", async (c) => {
    const slug = c.req.param("slug") ?? "";
    const set = byTag.get(slug);
    if (!set?.tag) throw new NotFoundError(`No brief has the tag "${slug.slice(0, 100)}".`);
    const { tag, briefs: tagged } = set;
    return answer(
      c,
      await page(`/tags/${slug}`, () => tagPage(site, links, tag, tagged), tagged[0]?.published),
    );
  });
  return app;
};

// The HTML pages: /, /briefs/{id} and /tags/{tag}, each rendered once and sent with validators.
import { type Context, Hono } from "hono";
import type { AppContext, Section } from "../app.js";
import type { Snapshot } from "../catalog/snapshot.js";
import { ALL } from "../catalog/store-layout.js";
import { Representation } from "../http/representation.js";
import { HTML_HEADERS } from "../http/security-headers.js";
import { send } from "../http/send.js";
import { NotFoundError, quoted } from "../http-errors.js";
import { briefPage } from "../pages/brief-page.js";
import { frontPage } from "../pages/front-page.js";
import { tagPage } from "../pages/tag-page.js";
import { SHORT_CACHE } from "./cache-control.js";
import { findBrief } from "./find-brief.js";
import { readOnly } from "./read-only.js";

const HTML = "text/html; charset=utf-8";

/** Serves the front page, one page per brief and one per tag; the front page embeds the widget from `widgetFile`. */
export function pageRoutes(widgetFile: string): Section {
  return (context) => pages(context, widgetFile);
}

const pages = ({ read }: AppContext, widgetFile: string): Hono => {
  /**
   * Renders the page under `key` once per version: `render` gives its HTML and its newest date
   * (Last-Modified), and reads what the page is made of only then.
   */
  const page = async (
    c: Context,
    snapshot: Snapshot,
    key: string,
    render: () => Promise<[html: unknown, newest: string | undefined]>,
  ) => {
    const representation = await snapshot.rendered(key, async () => {
      const [html, newest] = await render();
      return new Representation(String(await html), HTML, newest ? new Date(newest) : undefined);
    });
    return send(c, representation, { ...HTML_HEADERS.page, "Cache-Control": SHORT_CACHE });
  };

  const app = new Hono();
  readOnly(app, "/", async (c) => {
    const { snapshot, links } = await read();
    return page(c, snapshot, `page ${links.base} /`, async () => {
      const briefs = await snapshot.latest(ALL);
      const tags = snapshot.tagSets().map(([, set]) => set.tag);
      return [
        frontPage(snapshot.site, links, briefs, tags, widgetFile),
        briefs[0]?.updated ?? briefs[0]?.published,
      ];
    });
  });
  readOnly(app, "/briefs/:id", async (c) => {
    const { snapshot, links } = await read();
    const brief = await findBrief(snapshot, c.req.param("id") ?? "");
    return page(c, snapshot, `page ${links.base} /briefs/${brief.id}`, async () => [
      briefPage(snapshot.site, links, brief),
      brief.updated ?? brief.published,
    ]);
  });
  readOnly(app, "/tags/:slug", async (c) => {
    const slug = c.req.param("slug") ?? "";
    const { snapshot, links } = await read();
    const tag = slug === ALL ? null : (snapshot.set(slug)?.tag ?? null);
    if (tag === null) throw new NotFoundError(`No brief has the tag "${quoted(slug)}".`);
    return page(c, snapshot, `page ${links.base} /tags/${slug}`, async () => {
      const tagged = await snapshot.latest(slug);
      return [tagPage(snapshot.site, links, tag, tagged), tagged[0]?.published];
    });
  });
  return app;
};

// The sitemaps and robots.txt: /sitemap.xml, /sitemaps/{name}.xml, /sitemap-news.xml and /robots.txt.
import { type Context, Hono } from "hono";
import type { AppContext, Section } from "../app.js";
import type { Snapshot } from "../catalog/snapshot.js";
import { Representation } from "../http/representation.js";
import { send } from "../http/send.js";
import { NotFoundError } from "../http-errors.js";
import { renderRobots } from "../sitemaps/robots-txt.js";
import { renderNewsSitemap, renderSitemap, renderSitemapIndex } from "../sitemaps/sitemap-xml.js";
import { SHORT_CACHE } from "./cache-control.js";
import { readOnly } from "./read-only.js";

const XML = "application/xml; charset=utf-8";
const TEXT = "text/plain; charset=utf-8";

/** Serves the sitemap index, its children, the Google News sitemap and robots.txt, each rendered once per version. */
export const sitemapRoutes: Section = ({ read }: AppContext): Hono => {
  const answer = async (
    c: Context,
    snapshot: Snapshot,
    key: string,
    render: () => Promise<[body: string, lastmod: string | null | undefined]>,
    contentType = XML,
  ) => {
    const representation = await snapshot.rendered(key, async () => {
      const [body, lastmod] = await render();
      return new Representation(body, contentType, lastmod ? new Date(lastmod) : undefined);
    });
    return send(c, representation, { "Cache-Control": SHORT_CACHE });
  };

  const app = new Hono();
  readOnly(app, "/sitemap.xml", async (c) => {
    const { snapshot, links } = await read();
    return answer(c, snapshot, `sitemap ${links.base} index`, async () => {
      const sitemaps = snapshot.sitemaps();
      const newest = sitemaps
        .map((sitemap) => sitemap.lastmod)
        .sort()
        .at(-1);
      return [renderSitemapIndex(links, sitemaps), newest];
    });
  });
  readOnly(app, "/sitemaps/:file", async (c) => {
    const file = c.req.param("file") ?? "";
    const { snapshot, links } = await read();
    const name = file.endsWith(".xml") ? file.slice(0, -".xml".length) : undefined;
    const entry = snapshot.sitemaps().find((sitemap) => sitemap.name === name);
    if (!entry) throw new NotFoundError("There is no such sitemap.");
    return answer(c, snapshot, `sitemap ${links.base} ${entry.name}`, async () => {
      const document = await snapshot.sitemap(entry.name);
      return [renderSitemap(links, document ?? { urls: [] }), entry.lastmod];
    });
  });
  readOnly(app, "/sitemap-news.xml", async (c) => {
    const { snapshot, links } = await read();
    return answer(c, snapshot, `sitemap ${links.base} news`, async () => {
      const briefs = await snapshot.news();
      return [renderNewsSitemap(snapshot.site, links, briefs), briefs[0]?.published];
    });
  });
  readOnly(app, "/robots.txt", async (c) => {
    const { snapshot, links } = await read();
    return answer(c, snapshot, `robots ${links.base}`, async () => [renderRobots(links), undefined], TEXT);
  });
  return app;
};

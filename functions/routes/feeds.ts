// The feed routes: RSS 2.0, Atom 1.0 and JSON Feed 1.1 for all briefs and for each tag, with archive pages.
import { type Context, Hono } from "hono";
import type { Section } from "../app.js";
import { FeedDocuments } from "../feeds/feed-documents.js";
import { openToEveryOrigin } from "../http/cors.js";
import { type MediaTypeVariant, send } from "../http/send.js";
import { NotFoundError } from "../http-errors.js";
import { FEED_FILES, type FeedFormat } from "../links.js";
import { SHORT_CACHE } from "./cache-control.js";
import { readOnly } from "./read-only.js";

const FORMAT_OF_FILE = new Map(
  Object.entries(FEED_FILES).map(([format, file]) => [file, format as FeedFormat]),
);
// The group matters: Hono splices the pattern into a larger regex, where a bare "|" would leak out.
const FILE = ":file{(?:feed\\.xml|atom\\.xml|feed\\.json)}";

/**
 * Browsers show application/rss+xml and application/atom+xml as raw text, without applying the
 * feed's stylesheet; as application/xml they render the styled page. Readers keep the feed types.
 */
const BROWSER_XML: MediaTypeVariant = {
  contentType: "application/xml; charset=utf-8",
  etagSuffix: "xml",
  varyOn: "Accept",
};
const READER_XML: MediaTypeVariant = { varyOn: "Accept" };
const wantsHtml = (c: Context) => (c.req.header("Accept") ?? "").includes("text/html");

/**
 * Serves /feed.xml, /atom.xml, /feed.json; /archive/{n}/…; /tags/{tag}/…; /tags/{tag}/archive/{n}/….
 * Each document is rendered once, then answered with ETag, Last-Modified, 304s and gzip or Brotli.
 */
export const feedRoutes: Section = ({ read }) => {
  const serve = async (c: Context) => {
    const { snapshot, links } = await read();
    const feeds = new FeedDocuments(snapshot, links);
    const { file = "", slug, page } = c.req.param() as Record<string, string | undefined>;
    const format = FORMAT_OF_FILE.get(file);
    const number = page === undefined ? undefined : /^[1-9]\d{0,6}$/.test(page) ? Number(page) : 0;
    const address = format && { format, slug, page: number };
    const document = address && (await feeds.get(address));
    if (!address || !document) {
      throw new NotFoundError(
        slug === undefined
          ? "No feed lives at this address."
          : "No feed lives at this address; check the tag and the page.",
      );
    }
    const headers: Record<string, string> = { "Cache-Control": SHORT_CACHE };
    // WebSub §4: the hub and the topic (self) URL travel as Link headers too.
    const { hub } = snapshot.site;
    if (hub) headers.Link = `<${hub}>; rel="hub", <${feeds.url(address)}>; rel="self"`;
    if (format === "json") return send(c, document, headers);
    return send(c, document, headers, wantsHtml(c) ? BROWSER_XML : READER_XML);
  };
  const app = new Hono();
  for (const path of [
    `/${FILE}`,
    `/archive/:page/${FILE}`,
    `/tags/:slug/${FILE}`,
    `/tags/:slug/archive/:page/${FILE}`,
  ]) {
    // Web feed readers and pages showing headlines fetch feeds from other origins.
    app.use(path, openToEveryOrigin);
    readOnly(app, path, serve);
  }
  return app;
};

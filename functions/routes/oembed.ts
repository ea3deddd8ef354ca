// oEmbed provider (oembed.com): GET /oembed for a brief page's address, and GET /embed/{id}, the page it frames.
import { type Context, Hono } from "hono";
import type { Section } from "../app.js";
import type { Brief } from "../catalog/brief.js";
import { openToEveryOrigin } from "../http/cors.js";
import { Representation } from "../http/representation.js";
import { HTML_HEADERS } from "../http/security-headers.js";
import { send } from "../http/send.js";
import { singleQuery } from "../http/single-query.js";
import { NotFoundError, quoted } from "../http-errors.js";
import { briefIdOf } from "../oembed/brief-url.js";
import { isOEmbedFormat, parseOEmbedQuery } from "../oembed/oembed-query.js";
import { oembedJson, oembedResponse, oembedXml } from "../oembed/oembed-response.js";
import { embedPage } from "../pages/embed-page.js";
import { SHORT_CACHE } from "./cache-control.js";
import { findBrief } from "./find-brief.js";
import { readOnly } from "./read-only.js";

const TYPES = { json: "application/json; charset=utf-8", xml: "text/xml; charset=utf-8" } as const;

/** Serves the oEmbed endpoint, open to any origin, and the embed page, which any page may frame. */
export const oembedRoutes: Section = ({ read }) => {
  const app = new Hono();

  app.use("/oembed", openToEveryOrigin);
  readOnly(app, "/oembed", async (c) => {
    const query = parseOEmbedQuery(singleQuery(c));
    if (!isOEmbedFormat(query.format)) return notImplemented(c, query.format);
    const { snapshot, links } = await read();
    const site = snapshot.site;
    const id = briefIdOf(query.url, links);
    const found = id === undefined ? undefined : await snapshot.lookup(id);
    const brief = found?.kind === "brief" ? found.brief : undefined;
    if (!brief) throw new NotFoundError(`${quoted(query.url.href)} is not the page of one of our briefs.`);
    const response = oembedResponse(site, links, brief, query);
    const body = query.format === "xml" ? oembedXml(response) : oembedJson(response);
    const representation = new Representation(body, TYPES[query.format], lastChange(brief));
    return send(c, representation, { "Cache-Control": SHORT_CACHE });
  });

  readOnly(app, "/embed/:id", async (c) => {
    const { snapshot, links } = await read();
    const brief = await findBrief(snapshot, c.req.param("id") ?? "");
    const representation = await snapshot.rendered(`embed ${links.base} ${brief.id}`, async () => {
      const html = String(await embedPage(snapshot.site, links, brief));
      return new Representation(html, "text/html; charset=utf-8", lastChange(brief));
    });
    return send(c, representation, { ...HTML_HEADERS.embed, "Cache-Control": SHORT_CACHE });
  });
  return app;
};

const lastChange = (brief: Brief) => new Date(brief.updated ?? brief.published);

/** 501 for a format this provider does not implement (oEmbed 1.0 §2.3.5); HttpError stops at 405. */
function notImplemented(c: Context, format: string): Response {
  const message = `format "${quoted(format.slice(0, 20))}" is not implemented; use format=json or format=xml.`;
  return c.text(`501 ${message}\n`, 501, { "Cache-Control": "no-store" });
}

// oEmbed provider (oembed.com): GET /oembed for a brief page's address, and GET /embed/{id}, the page it frames.
import { type Context, Hono } from "hono";
import { cors } from "hono/cors";
import type { Brief } from "../../infra/content/catalog.js";
import type { Section } from "../app.js";
import { Representation } from "../http/representation.js";
import { send } from "../http/send.js";
import { NotFoundError } from "../http-errors.js";
import { briefIdOf } from "../oembed/brief-url.js";
import { EMBED_CSP } from "../oembed/embed-assets.js";
import { isOEmbedFormat, parseOEmbedQuery } from "../oembed/oembed-query.js";
import { oembedJson, oembedResponse, oembedXml } from "../oembed/oembed-response.js";
import { embedPage } from "../pages/embed-page.js";
import { SHORT_CACHE } from "./cache-control.js";
import { readOnly } from "./read-only.js";

const TYPES = { json: "application/json; charset=utf-8", xml: "text/xml; charset=utf-8" } as const;

/** Serves the oEmbed endpoint, open to any origin, and the embed page, which any page may frame. */
export const oembedRoutes: Section = ({ catalog, links }) => {
  const { site, briefs } = catalog;
  const byId = new Map(briefs.map((brief) => [brief.id, brief]));
  const pages = new Map<string, Representation>();
  const app = new Hono();

  app.use("/oembed", cors({ origin: "*", allowMethods: ["GET", "HEAD"], maxAge: 86400 }));
  readOnly(app, "/oembed", (c) => {
    const query = parseOEmbedQuery((name) => c.req.query(name));
    if (!isOEmbedFormat(query.format)) return notImplemented(c, query.format);
    const brief = byId.get(briefIdOf(query.url, links) ?? "");
    if (!brief)
      throw new NotFoundError(`${query.url.href.slice(0, 200)} is not the page of one of our briefs.`);
    const response = oembedResponse(site, links, brief, query);
    const body = query.format === "xml" ? oembedXml(response) : oembedJson(response);
    const representation = new Representation(body, TYPES[query.format], lastChange(brief));
    return send(c, representation, { "Cache-Control": SHORT_CACHE });
  });

  readOnly(app, "/embed/:id", async (c) => {
    const id = c.req.param("id") ?? "";
    const brief = byId.get(id);
    if (!brief) throw new NotFoundError(`No brief has the id "${id.slice(0, 100)}".`);
    let representation = pages.get(id);
    if (!representation) {
      const html = String(await embedPage(site, links, brief));
      representation = new Representation(html, "text/html; charset=utf-8", lastChange(brief));
      pages.set(id, representation);
    }
    return send(c, representation, {
      "Cache-Control": SHORT_CACHE,
      "Content-Security-Policy": EMBED_CSP,
      "X-Content-Type-Options": "nosniff",
    });
  });
  return app;
};

const lastChange = (brief: Brief) => new Date(brief.updated ?? brief.published);

/** 501 for a format this provider does not implement (oEmbed 1.0 §2.3.5); HttpError stops at 405. */
function notImplemented(c: Context, format: string): Response {
  const message = `format ${JSON.stringify(format.slice(0, 20))} is not implemented; use format=json or format=xml.`;
  return c.text(`501 ${message}\n`, 501, { "Cache-Control": "no-store" });
}

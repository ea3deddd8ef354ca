// The addresses oEmbed adds to the service: the endpoint, its discovery links, and the embed page.
import { html } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";
import type { Links } from "../links.js";
import { OEMBED_FORMATS, type OEmbedFormat } from "./oembed-query.js";

/** Media type of each format, as discovery links name them (oEmbed 1.0 §4). */
export const OEMBED_TYPES: Record<OEmbedFormat, string> = {
  json: "application/json+oembed",
  xml: "text/xml+oembed",
};

/** The page an oEmbed iframe shows: `/embed/{id}`. */
export function embedPageUrl(links: Links, id: string): string {
  return `${links.base}/embed/${id}`;
}

/** The endpoint's address for the brief page `url`, in `format`. */
export function oembedEndpoint(links: Links, url: string, format: OEmbedFormat): string {
  const endpoint = new URL(`${links.base}/oembed`);
  endpoint.searchParams.set("url", url);
  endpoint.searchParams.set("format", format);
  return endpoint.href;
}

/** The discovery links (§4), JSON then XML, for the `<head>` of the page of brief `id`; `title` is the brief's. */
export function oembedDiscovery(
  links: Links,
  id: string,
  title: string,
): HtmlEscapedString | Promise<HtmlEscapedString> {
  return html`${OEMBED_FORMATS.map(
    (format) =>
      html`<link rel="alternate" type="${OEMBED_TYPES[format]}" title="${title}" href="${oembedEndpoint(links, links.briefPage(id), format)}">
`,
  )}`;
}

// The oEmbed 1.0 answer for one brief: a `rich` response whose html links the brief, then frames /embed/{id}, as JSON or XML.
import type { Brief, Site } from "../catalog/brief.js";
import { cleanText } from "../catalog/xml-text.js";
import type { Links } from "../links.js";
import { embedPageUrl } from "./oembed-links.js";

/** Frame width without maxwidth: the width X and Bluesky embeds default to. */
export const DEFAULT_WIDTH = 550;

/**
 * Frame height without maxheight: the seed brief (three long key points) measures 767 px at 550 px wide in
 * Chromium. The embed page then reports its real height (EMBED_SCRIPT), so this only sizes the first paint.
 */
export const DEFAULT_HEIGHT = 750;

/** Seconds a consumer may keep the response (§2.3.4 cache_age): a day, as WordPress keeps oEmbed results. */
export const CACHE_AGE = 86_400;

/**
 * Links open at the top (`allow-top-navigation-by-user-activation`, only on a click); a link opened in a
 * new tab (ctrl-click) is a popup, and that tab must not stay sandboxed. No `allow-same-origin`: the page
 * needs no storage or cookies, so it runs in an opaque origin.
 */
export const IFRAME_SANDBOX =
  "allow-scripts allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation";

/** A `rich` oEmbed response (oEmbed 1.0 §2.3.4), fields in the order they are written. */
export interface OEmbedRich {
  version: "1.0";
  type: "rich";
  title: string;
  author_name: string;
  provider_name: string;
  provider_url: string;
  cache_age: number;
  html: string;
  width: number;
  height: number;
}

/** Size limits the consumer sent; undefined means none. */
export interface OEmbedLimits {
  maxWidth: number | undefined;
  maxHeight: number | undefined;
}

/** The response for `brief`, within the consumer's limits (§2.2: width and height never exceed them). */
export function oembedResponse(site: Site, links: Links, brief: Brief, limits: OEmbedLimits): OEmbedRich {
  const width = Math.min(limits.maxWidth ?? DEFAULT_WIDTH, DEFAULT_WIDTH);
  const height = Math.min(limits.maxHeight ?? DEFAULT_HEIGHT, DEFAULT_HEIGHT);
  // Stripped once, so both formats carry the same text and the XML stays well-formed (XML 1.0 §2.2).
  const title = cleanText(brief.title);
  const frame = `<iframe src="${attribute(embedPageUrl(links, brief.id))}" width="${width}" height="${height}" title="${attribute(title)}" loading="lazy" sandbox="${IFRAME_SANDBOX}" frameborder="0"></iframe>`;
  return {
    version: "1.0",
    type: "rich",
    title,
    author_name: cleanText(brief.source.name),
    provider_name: cleanText(site.title),
    provider_url: links.home(),
    cache_age: CACHE_AGE,
    html: fallback(links, brief, title) + frame,
    width,
    height,
  };
}

/**
 * What a consumer that strips iframes still shows: the title, linked to the brief page, in a bare
 * `<blockquote>` before the iframe, as WordPress's own embeds do (wp-includes/embed.php,
 * `get_post_embed_html`). A WordPress consumer keeps exactly a first `<blockquote>` and the `<iframe>`
 * after it (`wp_filter_oembed_result`), shows the blockquote until the frame posts its first message with
 * the secret (EMBED_SCRIPT sends its height at once), then hides it and shows the frame. `lang` lets a
 * screen reader say a French title in French on an English page.
 */
function fallback(links: Links, brief: Brief, title: string): string {
  return `<blockquote lang="${attribute(brief.lang)}"><a href="${attribute(links.briefPage(brief.id))}">${text(title)}</a></blockquote>`;
}

/** The JSON format (§2.3.4). */
export function oembedJson(response: OEmbedRich): string {
  return JSON.stringify(response);
}

/** The XML format (§2.3.4): one `<oembed>` element whose children are the fields, as escaped text. */
export function oembedXml(response: OEmbedRich): string {
  const fields = Object.entries(response).map(([name, value]) => `<${name}>${text(String(value))}</${name}>`);
  return `<?xml version="1.0" encoding="utf-8" standalone="yes"?>\n<oembed>${fields.join("")}</oembed>\n`;
}

const text = (value: string) =>
  value.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
const attribute = (value: string) => text(value).replaceAll('"', "&quot;");

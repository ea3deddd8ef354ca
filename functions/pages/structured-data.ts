// Schema.org data for search engines, as JSON-LD: NewsArticle on a brief's page, WebSite on the front page.
import { raw } from "hono/html";
import type { Brief, Site } from "../catalog/brief.js";
import type { Links } from "../links.js";

/** Google's limit for a NewsArticle headline, in characters. */
export const HEADLINE_MAX = 110;

/** `title` within HEADLINE_MAX characters: cut at the last word that fits, with an ellipsis. */
export function headline(title: string): string {
  const characters = Array.from(title);
  if (characters.length <= HEADLINE_MAX) return title;
  const kept = characters.slice(0, HEADLINE_MAX - 1).join("");
  const space = kept.search(/\s\S*$/);
  return `${(space > 0 ? kept.slice(0, space) : kept).trimEnd()}…`;
}

function publisher(site: Site) {
  return {
    "@type": "Organization",
    name: site.publisher.name,
    url: site.publisher.url,
    ...(site.logo ? { logo: { "@type": "ImageObject", url: site.logo } } : {}),
  };
}

/** The NewsArticle describing `brief` on its page. */
export function newsArticle(site: Site, links: Links, brief: Brief) {
  const page = links.briefPage(brief.id);
  return {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: headline(brief.title),
    description: brief.lead,
    datePublished: brief.published,
    dateModified: brief.updated ?? brief.published,
    inLanguage: brief.lang,
    ...(brief.author ? { author: { "@type": "Person", name: brief.author } } : {}),
    publisher: publisher(site),
    mainEntityOfPage: { "@type": "WebPage", "@id": page },
    url: page,
    ...(brief.source.url ? { isBasedOn: brief.source.url } : {}),
    ...(brief.tags.length > 0 ? { keywords: brief.tags } : {}),
    ...(brief.image
      ? { image: { "@type": "ImageObject", url: brief.image.url, description: brief.image.alt } }
      : {}),
  };
}

/** The WebSite the front page stands for. */
export function webSite(site: Site, links: Links) {
  return {
    "@context": "https://schema.org",
    "@type": "WebSite",
    name: site.title,
    description: site.description,
    url: links.home(),
    inLanguage: site.lang,
    publisher: publisher(site),
  };
}

// In a <script>, only "</script" or "<!--" ends or derails the element (HTML §4.12.1.3): with every "<"
// escaped neither can occur. ">" and "&" go too, as do U+2028 and U+2029, which pre-2019 JavaScript
// engines reject in a string, so the text reads the same to any consumer.
const UNSAFE: Record<string, string> = {
  "<": "\\u003c",
  ">": "\\u003e",
  "&": "\\u0026",
  "\u2028": "\\u2028",
  "\u2029": "\\u2029",
};

/** `data` as JSON that nothing inside a `<script>` element can end early. */
export function inertJson(data: unknown): string {
  return JSON.stringify(data).replace(/[<>&\u2028\u2029]/g, (c) => UNSAFE[c] ?? c);
}

/** A `<script type="application/ld+json">` element holding `data`. */
export function jsonLdScript(data: unknown) {
  return raw(`<script type="application/ld+json">${inertJson(data)}</script>\n`);
}

// The sitemaps as XML (sitemaps.org 0.9 and Google News 0.9): pure functions of the store's documents.
import type { Site } from "../catalog/brief.js";
import { escapeHtml } from "../catalog/html.js";
import type { NewsDocument, SitemapDocument, SitemapEntry } from "../catalog/store-layout.js";
import { cleanText } from "../catalog/xml-text.js";
import type { Links } from "../links.js";

const SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
const NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9";
const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';

/** Text for an XML text node or attribute: characters XML cannot carry removed, markup escaped. */
const xml = (value: string) => escapeHtml(cleanText(value));

/** A lastmod element, or nothing when the date is unknown. */
const lastmod = (date: string | null) => (date === null ? "" : `<lastmod>${xml(date)}</lastmod>`);

/** The path of child sitemap `name`. */
export const sitemapPath = (name: string) => `/sitemaps/${name}.xml`;

/** The sitemap index: every child sitemap with its newest lastmod. */
export function renderSitemapIndex(links: Links, sitemaps: SitemapEntry[]): string {
  const children = sitemaps.map(
    (sitemap) =>
      `<sitemap><loc>${xml(links.base + sitemapPath(sitemap.name))}</loc>${lastmod(sitemap.lastmod)}</sitemap>\n`,
  );
  return `${DECLARATION}<sitemapindex xmlns="${SITEMAP_NS}">\n${children.join("")}</sitemapindex>\n`;
}

/** One child sitemap: each URL of `document` under the base URL, with its lastmod. */
export function renderSitemap(links: Links, document: SitemapDocument): string {
  const urls = document.urls.map(
    ([path, date]) => `<url><loc>${xml(links.base + path)}</loc>${lastmod(date)}</url>\n`,
  );
  return `${DECLARATION}<urlset xmlns="${SITEMAP_NS}">\n${urls.join("")}</urlset>\n`;
}

/**
 * The Google News sitemap: the publication is the publisher, and its language the brief's as ISO 639, which
 * is what Google News reads (zh-cn and zh-tw are the two regional forms it names).
 */
export function renderNewsSitemap(site: Site, links: Links, briefs: NewsDocument["briefs"]): string {
  const urls = briefs.map(
    (brief) =>
      `<url><loc>${xml(links.briefPage(brief.id))}</loc><news:news><news:publication>` +
      `<news:name>${xml(site.publisher.name)}</news:name><news:language>${xml(newsLanguage(brief.lang))}</news:language>` +
      `</news:publication><news:publication_date>${xml(brief.published)}</news:publication_date>` +
      `<news:title>${xml(brief.title)}</news:title></news:news></url>\n`,
  );
  return `${DECLARATION}<urlset xmlns="${SITEMAP_NS}" xmlns:news="${NEWS_NS}">\n${urls.join("")}</urlset>\n`;
}

/** A BCP 47 tag as Google News's language: the primary subtag, but zh-cn and zh-tw kept whole. */
export function newsLanguage(lang: string): string {
  const tag = lang.toLowerCase();
  if (tag === "zh-cn" || tag === "zh-tw") return tag;
  if (tag === "zh-hans") return "zh-cn";
  if (tag === "zh-hant") return "zh-tw";
  return tag.split("-")[0] ?? tag;
}

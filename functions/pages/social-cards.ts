// What a shared link shows: Open Graph (ogp.me) and Twitter Card tags for the head of every page.
import type { Brief, Site } from "../catalog/brief.js";
import { escapeHtml } from "../catalog/html.js";

/** What a card says about one page. */
export interface Card {
  title: string;
  description: string;
  /** The page's canonical URL. */
  url: string;
  lang: string;
  /** The brief the page shows, which makes the card an article's. */
  brief?: Brief;
}

/** Open Graph's locale for a language tag: `fr` → `fr_FR`, `en` → `en_US`, `en-GB` → `en_GB`. */
export function ogLocale(lang: string): string {
  // The build's check lets through a few tags Intl.Locale rejects ("fr-a1"); their language is enough.
  const primary = lang.split("-")[0] ?? lang;
  const locale = tryLocale(lang) ?? tryLocale(primary);
  if (!locale) return primary;
  return locale.region ? `${locale.language}_${locale.region}` : locale.language;
}

function tryLocale(tag: string): Intl.Locale | undefined {
  try {
    return new Intl.Locale(tag).maximize();
  } catch {
    return undefined;
  }
}

/** The card's `<meta>` elements, every value escaped, one per line. */
export function socialCards(site: Site, card: Card): string {
  const { brief } = card;
  const tags: [string, string, string][] = [
    ["property", "og:type", brief ? "article" : "website"],
    ["property", "og:title", card.title],
    ["property", "og:description", card.description],
    ["property", "og:url", card.url],
    ["property", "og:site_name", site.title],
    ["property", "og:locale", ogLocale(card.lang)],
  ];
  if (brief) {
    tags.push(["property", "article:published_time", brief.published]);
    tags.push(["property", "article:modified_time", brief.updated ?? brief.published]);
    for (const tag of brief.tags) tags.push(["property", "article:tag", tag]);
    if (brief.image) {
      tags.push(["property", "og:image", brief.image.url]);
      tags.push(["property", "og:image:alt", brief.image.alt]);
    }
  }
  tags.push(["name", "twitter:card", brief?.image ? "summary_large_image" : "summary"]);
  if (site.twitter) tags.push(["name", "twitter:site", site.twitter]);
  if (brief?.image) tags.push(["name", "twitter:image:alt", brief.image.alt]);
  return tags
    .map(([attribute, key, value]) => `<meta ${attribute}="${key}" content="${escapeHtml(value)}">\n`)
    .join("");
}

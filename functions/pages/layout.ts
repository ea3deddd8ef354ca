// The frame shared by every HTML page: head with feed autodiscovery, header, footer with the feeds.
import { html, raw } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";
import type { Brief, Site } from "../catalog/brief.js";
import { FEED_TYPES, type FeedFormat, type Links } from "../links.js";
import { PAGE_CSS } from "./page-css.js";
import { socialCards } from "./social-cards.js";
import { pageStrings } from "./strings.js";
import { jsonLdScript } from "./structured-data.js";

type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

// Inline, so browsers do not ask for /favicon.ico.
const FAVICON =
  "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'%3E%3Crect width='16' height='16' rx='3' fill='%23b3123c'/%3E%3Cpath d='M4 5h8M4 8h8M4 11h5' stroke='white' stroke-width='1.6'/%3E%3C/svg%3E";

const FEED_NAMES: Record<FeedFormat, string> = { rss: "RSS", atom: "Atom", json: "JSON Feed" };

/** What a page puts in the frame. */
export interface PageParts {
  site: Site;
  links: Links;
  lang: string;
  title: string;
  description: string;
  canonical: string;
  /** Tags whose feeds concern this page; their feeds are announced after the site's. */
  tags?: string[];
  /** More elements for the end of `<head>`, after the feeds' autodiscovery links. */
  head?: Html;
  main: Html;
  /** The brief the page shows: its share card is then an article's, titled with the brief's own title. */
  brief?: Brief;
  /** Schema.org data for the page, written as JSON-LD. */
  structuredData?: object;
}

const FORMATS = Object.keys(FEED_TYPES) as FeedFormat[];

/**
 * Autodiscovery links (RSS Board autodiscovery, RFC 4287 §5.3 type) for the site's three feeds, then
 * for each tag's; readers offer the first, so the site's come first.
 */
export function feedAutodiscovery(site: Site, links: Links, tags: string[] = []): Html {
  return html`${[undefined, ...tags].flatMap((tag) =>
    FORMATS.map(
      (format) =>
        html`<link rel="alternate" type="${FEED_TYPES[format]}" title="${tag === undefined ? site.title : `${site.title} — ${tag}`} (${FEED_NAMES[format]})" href="${links.feed(format, tag)}">
`,
    ),
  )}`;
}

/** Visible links to the three feeds of the site, or of one tag, for people. */
export function feedList(links: Links, tag?: string): Html {
  return html`<ul class="feeds">${FORMATS.map(
    (format) =>
      html`<li><a href="${links.feed(format, tag)}" type="${FEED_TYPES[format]}">${FEED_NAMES[format]}</a> <code>${links.feed(format, tag)}</code></li>`,
  )}</ul>`;
}

/** A whole HTML document. */
export function layout({
  site,
  links,
  lang,
  title,
  description,
  canonical,
  tags,
  head,
  main,
  brief,
  structuredData,
}: PageParts): Html {
  const card = socialCards(site, { title: brief?.title ?? title, description, url: canonical, lang, brief });
  const words = pageStrings(site.lang);
  return html`<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<meta name="description" content="${description}">
<link rel="canonical" href="${canonical}">
<link rel="icon" href="${FAVICON}">
${raw(card)}${structuredData ? jsonLdScript(structuredData) : ""}${feedAutodiscovery(site, links, tags)}${head ?? ""}<style>${PAGE_CSS}</style>
</head>
<body>
<header><a class="site" href="${links.home()}">${site.title}</a></header>
<main>
${main}
</main>
<footer lang="${site.lang}">
<h2>${words.subscribe}</h2>
${feedList(links)}
<p><a href="${site.publisher.url}">${site.publisher.name}</a></p>
</footer>
</body>
</html>
`;
}

// The page an oEmbed iframe shows: one brief, compact, with no script but the one that reports its height.
import { html, raw } from "hono/html";
import type { Brief, Site } from "../catalog/brief.js";
import type { Links } from "../links.js";
import { EMBED_CSS, EMBED_SCRIPT } from "../oembed/embed-assets.js";
import { socialCards } from "./social-cards.js";
import { longDate, pageStrings } from "./strings.js";

// The page sits inside someone else's: every link leaves the frame for the whole tab.
const OUT = raw(' target="_top" rel="noopener"');

/** Renders the embed page of `brief`; send it with HTML_HEADERS.embed, whose CSP allows exactly its style and script. */
export function embedPage(site: Site, links: Links, brief: Brief) {
  const words = pageStrings(brief.lang);
  const page = links.briefPage(brief.id);
  const more = brief.source.url
    ? html`<a href="${brief.source.url}"${OUT}>${words.readSource}</a>`
    : html`<a href="${page}"${OUT}>${words.readBrief}</a>`;
  return html`<!doctype html>
<html lang="${brief.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${brief.title} · ${site.title}</title>
<link rel="canonical" href="${page}">
${raw(socialCards(site, { title: brief.title, description: brief.lead, url: page, lang: brief.lang, brief }))}<style>${raw(EMBED_CSS)}</style>
</head>
<body>
<article>
<p class="meta">${brief.source.name} · <time datetime="${brief.published}">${longDate(brief.published, brief.lang)}</time></p>
<h1><a href="${page}"${OUT}>${brief.title}</a></h1>
<p class="lead">${brief.lead}</p>
<ul aria-label="${words.keyPoints}">
${brief.points.map(
  (point) =>
    html`<li>${point.heading ? html`<strong>${point.heading}</strong> ` : ""}${raw(point.html.replaceAll("<a href=", `<a${OUT} href=`))}</li>
`,
)}</ul>
<p class="more">${more}<a class="site" href="${links.home()}"${OUT} lang="${site.lang}">${site.title}</a></p>
</article>
<script>${raw(EMBED_SCRIPT)}</script>
</body>
</html>
`;
}

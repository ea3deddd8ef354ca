// The page of one brief: what feed items link to, and where the widget sends readers without a source URL.
import { html, raw } from "hono/html";
import type { Brief, Site } from "../catalog/brief.js";
import type { Links } from "../links.js";
import { oembedDiscovery } from "../oembed/oembed-links.js";
import { layout } from "./layout.js";
import { longDate, pageStrings } from "./strings.js";
import { newsArticle } from "./structured-data.js";

/** Renders the page of `brief`. */
export function briefPage(site: Site, links: Links, brief: Brief) {
  const words = pageStrings(brief.lang);
  const updated = brief.updated
    ? html`, ${words.updated} <time datetime="${brief.updated}">${longDate(brief.updated, brief.lang)}</time>`
    : "";
  const source = brief.source.url
    ? html`<a href="${brief.source.url}">${brief.source.name}</a>`
    : html`${brief.source.name}`;
  const main = html`<article>
<p class="source">${words.source} ${source}</p>
<h1>${brief.title}</h1>
<p class="meta">${words.published} <time datetime="${brief.published}">${longDate(brief.published, brief.lang)}</time>${updated}${brief.author ? html` · ${brief.author}` : ""}</p>
${brief.image ? html`<img src="${brief.image.url}" alt="${brief.image.alt}">` : ""}
<p class="lead">${brief.lead}</p>
<h2>${words.keyPoints}</h2>
<ul class="points">
${brief.points.map(
  (point) => html`<li>${point.heading ? html`<strong>${point.heading}</strong> ` : ""}${raw(point.html)}</li>
`,
)}</ul>
${brief.source.url ? html`<p><a href="${brief.source.url}">${words.readSource}</a></p>` : ""}
${brief.tags.length > 0 ? html`<h2>${words.tags}</h2><ul class="tags">${brief.tags.map((tag) => html`<li><a href="${links.tagPage(tag)}">${tag}</a></li>`)}</ul>` : ""}
<p><a href="${links.home()}">${words.home}</a></p>
</article>`;
  return layout({
    site,
    links,
    lang: brief.lang,
    title: `${brief.title} · ${site.title}`,
    description: brief.lead,
    canonical: links.briefPage(brief.id),
    tags: brief.tags,
    head: oembedDiscovery(links, brief.id, brief.title),
    main,
    brief,
    structuredData: newsArticle(site, links, brief),
  });
}

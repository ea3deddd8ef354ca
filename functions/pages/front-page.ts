// The front page: the latest briefs, the feeds, and the widget embedded exactly as a partner embeds it.
import { html } from "hono/html";
import type { Brief, Site } from "../catalog/brief.js";
import type { Links } from "../links.js";
import { briefList } from "./brief-list.js";
import { layout } from "./layout.js";
import { type PageStrings, pageStrings } from "./strings.js";
import { webSite } from "./structured-data.js";

/** How many briefs the front page lists. */
export const FRONT_PAGE_BRIEFS = 20;

/**
 * The lines a partner pastes to show `brief`, in order: two hints, then the widget under its stable name,
 * which follows new versions, and the element. The hints are allowed in the body (HTML's "body-ok" link
 * types) but start sooner from the `<head>`. The preconnect is `crossorigin` because the widget fetches the
 * API in CORS mode without credentials, and a cross-origin module script is fetched without them too: a
 * browser keeps such connections apart from those that may carry cookies, and a preconnect without
 * `crossorigin` opens one that neither request would use. The modulepreload has no `crossorigin`, like the
 * `<script type="module">` it must match for the browser to reuse what it fetched.
 */
export function embedSnippet(links: Links, brief: Brief, label: string): string {
  return `<link rel="preconnect" href="${links.origin()}" crossorigin>
<link rel="modulepreload" href="${links.widgetScript()}">
<script type="module" src="${links.widgetScript()}"></script>
<news-brief src="${links.briefApi(brief.id)}"><a href="${links.briefPage(brief.id)}">${label}</a></news-brief>`;
}

/** Renders the front page; its own embed loads the widget from `widgetFile`, its versioned, immutable name. */
export function frontPage(site: Site, links: Links, briefs: Brief[], tags: string[], widgetFile: string) {
  const words = pageStrings(site.lang);
  const latest = briefs[0];
  const main = html`<h1>${site.title}</h1>
<p class="lead">${site.description}</p>
<h2>${words.latest}</h2>
${briefList(links, briefs.slice(0, FRONT_PAGE_BRIEFS))}
${tags.length > 0 ? html`<h2>${words.tags}</h2><ul class="tags">${tags.map((tag) => html`<li><a href="${links.tagPage(tag)}">${tag}</a></li>`)}</ul>` : ""}
${latest ? embedSection(links, latest, words, widgetFile) : ""}`;
  return layout({
    site,
    links,
    lang: site.lang,
    title: site.title,
    description: site.description,
    canonical: links.home(),
    main,
    structuredData: webSite(site, links),
  });
}

function embedSection(links: Links, brief: Brief, words: PageStrings, widgetFile: string) {
  return html`<h2 id="embed">${words.embed}</h2>
<p>${words.embedHint}</p>
<pre><code>${embedSnippet(links, brief, words.readBrief)}</code></pre>
<p>${words.embedHints}</p>
<script type="module" src="${links.widgetScript(widgetFile)}"></script>
<news-brief src="${links.briefApi(brief.id)}"><a href="${links.briefPage(brief.id)}">${words.readBrief} : ${brief.title}</a></news-brief>`;
}

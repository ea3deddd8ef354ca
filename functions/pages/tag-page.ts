// The page of one tag: its briefs and its three feeds.
import { html } from "hono/html";
import type { Brief, Site } from "../catalog/brief.js";
import type { Links } from "../links.js";
import { briefList } from "./brief-list.js";
import { feedList, layout } from "./layout.js";
import { pageStrings } from "./strings.js";

/** Renders the page of `tag`, listing `briefs` (newest first). */
export function tagPage(site: Site, links: Links, tag: string, briefs: Brief[]) {
  const words = pageStrings(site.lang);
  const main = html`<h1>${tag}</h1>
<h2>${words.subscribe}</h2>
<p>${words.subscribeHint}</p>
${feedList(links, tag)}
<h2>${words.latest}</h2>
${briefList(links, briefs)}`;
  return layout({
    site,
    links,
    lang: site.lang,
    title: `${tag} · ${site.title}`,
    description: `${site.title} — ${tag}`,
    canonical: links.tagPage(tag),
    tags: [tag],
    main,
  });
}

// The page a reader sees at an address with no page (404), at a withdrawn brief's (410), or where the page cannot
// be read from the content store for a moment (503), in the site's language.
import { html } from "hono/html";
import type { Site } from "../catalog/brief.js";
import { FEED_TYPES, type Links } from "../links.js";
import { layout } from "./layout.js";

/** The statuses that have a page of their own. */
export type ErrorPageStatus = 404 | 410 | 503;

const FR = {
  404: {
    heading: "Cette page n’existe pas",
    what: "Aucune page ne se trouve à l’adresse",
    why: "L’adresse est peut-être mal saisie, ou la page a changé de place.",
  },
  410: {
    heading: "Cette brève a été retirée",
    what: "L’éditeur a retiré la brève qui se trouvait à l’adresse",
    why: "Elle ne reviendra pas ; les autres brèves restent en ligne.",
  },
  503: {
    heading: "Cette page est momentanément indisponible",
    what: "Nous ne pouvons pas afficher pour l’instant la page à l’adresse",
    why: "Réessayez dans quelques instants ; les autres brèves restent en ligne.",
  },
  next: "Pour continuer :",
  home: "Voir toutes les brèves sur la page d’accueil",
  feed: "Suivre les brèves par flux RSS",
};

type ErrorWords = typeof FR;

const EN: ErrorWords = {
  404: {
    heading: "This page does not exist",
    what: "No page lives at the address",
    why: "The address may be mistyped, or the page may have moved.",
  },
  410: {
    heading: "This brief was withdrawn",
    what: "The publisher withdrew the brief that lived at the address",
    why: "It will not come back; the other briefs stay online.",
  },
  503: {
    heading: "This page is unavailable for a moment",
    what: "Just now, we cannot show the page at the address",
    why: "Please try again in a few moments; the other briefs stay online.",
  },
  next: "To carry on:",
  home: "See every brief on the front page",
  feed: "Follow the briefs by RSS feed",
};

/** The words of the error pages for a language tag: French for `fr*`, else English. */
export function errorWords(lang: string): ErrorWords {
  return lang.toLowerCase().startsWith("fr") ? FR : EN;
}

/** Longest part of the requested path shown back; the rest is cut, so a huge address makes no huge page. */
const SHOWN_PATH = 120;

/** The path as a reader typed it (percent-decoded when that is valid), clipped; the template escapes it. */
function shownPath(path: string): string {
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    // A malformed escape: show the path as it came.
  }
  return decoded.length > SHOWN_PATH ? `${decoded.slice(0, SHOWN_PATH)}…` : decoded;
}

/** Renders the 404, 410 or 503 page for `path` in the frame of every page; it asks search engines not to index it. */
export function errorPage(site: Site, links: Links, status: ErrorPageStatus, path: string) {
  const words = errorWords(site.lang);
  const { heading, what, why } = words[status];
  return layout({
    site,
    links,
    lang: site.lang,
    title: `${heading} · ${site.title}`,
    description: why,
    canonical: links.home(),
    head: html`<meta name="robots" content="noindex">
`,
    main: html`<h1>${heading}</h1>
<p>${what} <code>${shownPath(path)}</code>.</p>
<p>${why}</p>
<h2>${words.next}</h2>
<ul>
<li><a href="${links.home()}">${words.home}</a></li>
<li><a href="${links.feed("rss")}" type="${FEED_TYPES.rss}">${words.feed}</a></li>
</ul>`,
  });
}

// What every feed format says, computed once from the catalog: ids, URLs, dates and cleaned text.
import type { Brief, Site } from "../../infra/content/catalog.js";
import { escapeHtml } from "../../infra/content/html.js";
import { imageType } from "../../infra/content/image-types.js";
import { cleanText } from "../../infra/content/xml-text.js";
import { type FeedFormat, ids, type Links } from "../links.js";

/** One feed entry, format-neutral. Text fields are plain text, already cleaned for XML. */
export interface FeedEntry {
  id: string;
  url: string;
  title: string;
  lead: string;
  /** The key points (and the source) as HTML with absolute links. */
  contentHtml: string;
  published: Date;
  updated: Date;
  lang: string;
  tags: string[];
  author: string | null;
  image: { url: string; type: string; alt: string } | null;
}

/** One feed, format-neutral. */
export interface FeedModel {
  id: string;
  title: string;
  description: string;
  lang: string;
  home: string;
  self: Record<FeedFormat, string>;
  /** The newest entry's date (its update, else its publication); never "now". */
  updated: Date;
  publisher: { name: string; url: string };
  entries: FeedEntry[];
}

/** What a feed is made from: the site, the URLs, an optional tag, and the briefs it carries, newest first. */
export interface FeedSource {
  site: Site;
  links: Links;
  tag?: string;
  briefs: Brief[];
}

/** Builds the format-neutral feed. */
export function feedModel({ site, links, tag, briefs }: FeedSource): FeedModel {
  const entries = briefs.map((brief) => feedEntry(site, links, brief));
  const newest = entries.reduce((latest, entry) => Math.max(latest, entry.updated.getTime()), 0);
  return {
    id: ids.feed(site, tag),
    title: cleanText(tag === undefined ? site.title : `${site.title} : ${tag}`),
    description: cleanText(site.description),
    lang: site.lang,
    home: links.home(),
    self: { rss: links.feed("rss", tag), atom: links.feed("atom", tag), json: links.feed("json", tag) },
    updated: new Date(newest),
    publisher: { name: cleanText(site.publisher.name), url: site.publisher.url },
    entries,
  };
}

function feedEntry(site: Site, links: Links, brief: Brief): FeedEntry {
  const published = new Date(brief.published);
  return {
    id: ids.brief(site, brief),
    url: links.briefPage(brief.id),
    title: cleanText(brief.title),
    lead: cleanText(brief.lead),
    contentHtml: cleanText(contentHtml(brief)),
    published,
    updated: brief.updated ? new Date(brief.updated) : published,
    lang: brief.lang,
    tags: brief.tags.map(cleanText),
    author: brief.author === null ? null : cleanText(brief.author),
    image: brief.image && {
      url: brief.image.url,
      // The schema accepts only URLs with a known image extension.
      type: imageType(brief.image.url) ?? "image/jpeg",
      alt: cleanText(brief.image.alt),
    },
  };
}

const SOURCE_LABEL: Record<string, string> = { fr: "Source : ", en: "Source: " };

function contentHtml(brief: Brief): string {
  const points = brief.points
    .map(
      (point) =>
        `<li>${point.heading ? `<strong>${escapeHtml(point.heading)}</strong> ` : ""}${point.html}</li>`,
    )
    .join("");
  const label = SOURCE_LABEL[brief.lang.slice(0, 2)] ?? SOURCE_LABEL.en;
  const name = escapeHtml(brief.source.name);
  const source = brief.source.url ? `<a href="${escapeHtml(brief.source.url)}">${name}</a>` : name;
  return `<ul>${points}</ul><p>${label}${source}</p>`;
}

// What every feed format says, computed once from the catalog: ids, URLs, dates and cleaned text.
import type { Brief, Site } from "../catalog/brief.js";
import { escapeHtml } from "../catalog/html.js";
import { imageType } from "../catalog/image-types.js";
import { cleanText } from "../catalog/xml-text.js";
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
  /** Links to the other pages of the same feed (RFC 5005), per format. */
  history: Record<FeedFormat, HistoryLink[]>;
  /** True on an archive page, which never changes once complete (RFC 5005 §4, fh:archive). */
  archive: boolean;
  stylesheet: string;
  /** The WebSub hub, or null. */
  hub: string | null;
  /** The newest entry's date (its update, else its publication); never "now". */
  updated: Date;
  publisher: { name: string; url: string };
  entries: FeedEntry[];
}

/** A link from one page of a feed to another. */
export interface HistoryLink {
  rel: "next" | "previous" | "current" | "prev-archive" | "next-archive";
  href: string;
}

/** What a feed is made from: the site, the URLs, an optional tag, the page and the briefs it carries. */
export interface FeedSource {
  site: Site;
  links: Links;
  tag?: string;
  /** Archive page number (1 is the oldest), or undefined for the current page. */
  page?: number;
  /** How many archive pages the feed has. */
  archives?: number;
  /** The briefs on this page, newest first. */
  briefs: Brief[];
}

/** Builds the format-neutral feed. */
export function feedModel({ site, links, tag, page, archives = 0, briefs }: FeedSource): FeedModel {
  const entries = briefs.map((brief) => feedEntry(site, links, brief));
  const history = (format: FeedFormat) => historyLinks((n) => links.feed(format, tag, n), page, archives);
  const newest = entries.reduce((latest, entry) => Math.max(latest, entry.updated.getTime()), 0);
  return {
    id: ids.feed(site, tag),
    title: cleanText(tag === undefined ? site.title : `${site.title} — ${tag}`),
    description: cleanText(site.description),
    lang: site.lang,
    home: links.home(),
    self: {
      rss: links.feed("rss", tag, page),
      atom: links.feed("atom", tag, page),
      json: links.feed("json", tag, page),
    },
    history: { rss: history("rss"), atom: history("atom"), json: history("json") },
    archive: page !== undefined,
    // Root-relative: browsers apply only a same-origin stylesheet, whichever host served the feed.
    stylesheet: "/feed.xsl",
    hub: site.hub,
    updated: new Date(newest),
    publisher: { name: cleanText(site.publisher.name), url: site.publisher.url },
    entries,
  };
}

/**
 * RFC 5005 links. Archived-feed links (`current`, `prev-archive`, `next-archive`) for readers that rebuild
 * history, and paged-feed links (`next` towards older briefs, `previous` towards newer) for the others.
 */
function historyLinks(
  url: (page?: number) => string,
  page: number | undefined,
  archives: number,
): HistoryLink[] {
  if (page === undefined) {
    return archives > 0
      ? [
          { rel: "next", href: url(archives) },
          { rel: "prev-archive", href: url(archives) },
        ]
      : [];
  }
  const older = page > 1 ? url(page - 1) : undefined;
  const newer = page < archives ? url(page + 1) : undefined;
  const links: (HistoryLink | undefined)[] = [
    { rel: "current", href: url() },
    older ? { rel: "prev-archive", href: older } : undefined,
    newer ? { rel: "next-archive", href: newer } : undefined,
    older ? { rel: "next", href: older } : undefined,
    { rel: "previous", href: newer ?? url() },
  ];
  return links.filter((link) => link !== undefined);
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

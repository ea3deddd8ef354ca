// Adds what `feed` cannot write: RFC 5005 page links, after the self link, and the fh:archive marker.
import type { FeedModel, HistoryLink } from "./feed-model.js";

const FH_NAMESPACE = "http://purl.org/syndication/history/1.0";

/** RSS: `<atom:link>` per history link, and `<fh:archive/>` on an archive page. */
export function withRssHistory(xml: string, model: FeedModel): string {
  const links = model.history.rss.map(
    ({ rel, href }) => `<atom:link href="${escapeAttribute(href)}" rel="${rel}" type="application/rss+xml"/>`,
  );
  return withHistory(xml, /^( *)<atom:link href="[^"]*" rel="self"[^>]*\/>$/m, links, model, /<rss /);
}

/** Atom: `<link>` per history link, and `<fh:archive/>` on an archive page. */
export function withAtomHistory(xml: string, model: FeedModel): string {
  const links = model.history.atom.map(
    ({ rel, href }) => `<link rel="${rel}" href="${escapeAttribute(href)}"/>`,
  );
  return withHistory(xml, /^( *)<link rel="self" href="[^"]*"\/>$/m, links, model, /<feed /);
}

function withHistory(xml: string, self: RegExp, links: string[], model: FeedModel, root: RegExp): string {
  const elements = model.archive ? [...links, "<fh:archive/>"] : links;
  if (elements.length === 0) return xml;
  if (!self.test(xml)) throw new Error("the feed has no self link to place its history links after");
  const withLinks = xml.replace(self, (line: string, indent: string) =>
    [line, ...elements.map((e) => indent + e)].join("\n"),
  );
  return model.archive
    ? withLinks.replace(root, (start) => `${start}xmlns:fh="${FH_NAMESPACE}" `)
    : withLinks;
}

/** The hrefs to the other pages, for JSON Feed's `next_url`. */
export function nextUrl(links: HistoryLink[]): string | undefined {
  return links.find((link) => link.rel === "next")?.href;
}

function escapeAttribute(value: string): string {
  return value.replaceAll("&", "&amp;").replaceAll('"', "&quot;").replaceAll("<", "&lt;");
}

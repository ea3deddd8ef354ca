// Atom 1.0 (RFC 4287), written by the `feed` package from the feed model.
import { Feed } from "feed";
import { escapeHtml } from "../catalog/html.js";
import { imageType } from "../catalog/image-types.js";
import { channelOptions } from "./channel-options.js";
import type { FeedModel } from "./feed-model.js";
import { escapeXmlText, hexEscapeMarkup } from "./hex-escapes.js";
import { withAtomHistory } from "./history-links.js";
import { protectAttribute, restoreAttributes } from "./xml-attributes.js";

/** Renders Atom 1.0. Deterministic: every date comes from the model. */
export function renderAtom(model: FeedModel): string {
  const feed = new Feed(
    channelOptions(model, {
      feedLinks: { atom: model.self.atom },
      // RFC 4287 §4.1.1: a feed whose entries lack an author needs one of its own.
      author: { name: model.publisher.name, link: model.publisher.url },
    }),
  );
  for (const entry of model.entries) {
    feed.addItem({
      // Title and summary are placeholders, written as plain text by plainTextConstructs below.
      title: "",
      id: entry.id,
      link: entry.url,
      date: entry.updated,
      published: entry.published,
      description: "-",
      content: entry.contentHtml,
      // The tag's text is the term; a label would repeat it (and `feed` 6 writes labels from `name` only).
      category: entry.tags.map((tag) => ({ term: protectAttribute(tag) })),
      ...(entry.author && { author: [{ name: entry.author }] }),
      ...(entry.image && { enclosure: { url: entry.image.url, title: protectAttribute(entry.image.alt) } }),
    });
  }
  let xml = withAtomHistory(withLanguage(feed.atom1(), model.lang), model);
  xml = plainTextConstructs(
    xml,
    "title",
    model.entries.map((entry) => entry.title),
  );
  xml = plainTextConstructs(
    xml,
    "summary",
    model.entries.map((entry) => entry.lead),
  );
  return hexEscapeMarkup(restoreAttributes(withImageTypes(xml)));
}

/**
 * `feed` declares every entry title and summary type="html", so "AT&T <vs>" loses "<vs>" in readers.
 * Ours are plain text: rewrite the n-th element as type="text" with the n-th entry's text. Text holding
 * an HTML end tag ("</script>") stays type="html", escaped, since the validator flags it as undeclared
 * HTML otherwise (ContainsUndeclaredHTML); readers decode it to the same text.
 */
function plainTextConstructs(xml: string, element: "title" | "summary", texts: string[]): string {
  let index = 0;
  const pattern = new RegExp(`<${element} type="html">[\\s\\S]*?</${element}>`, "g");
  return xml.replace(pattern, () => {
    const text = texts[index++] ?? "";
    return END_TAG.test(text)
      ? `<${element} type="html">${escapeXmlText(escapeHtml(text))}</${element}>`
      : `<${element} type="text">${escapeXmlText(text)}</${element}>`;
  });
}

const END_TAG = /<\/[a-z][a-z0-9]*\s*>/i;

/** `feed` has no Atom language option: the feed's language goes in `xml:lang` on the root (RFC 4287 §2). */
function withLanguage(xml: string, lang: string): string {
  return xml.replace(
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${lang}">`,
  );
}

/** `feed` derives an Atom enclosure's type from the file extension ("image/jpg"); write the registered one. */
function withImageTypes(xml: string): string {
  return xml.replace(
    /(<link rel="enclosure" href="([^"]*)"[^>]*? type=")[^"]*"/g,
    (_, start: string, href: string) =>
      `${start}${imageType(href.replaceAll("&amp;", "&")) ?? "image/jpeg"}"`,
  );
}

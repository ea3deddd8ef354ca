// The page a feed becomes through the feed stylesheet: made by xsltproc, read from the DOM of a real browser.
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import type { Page } from "playwright-core";
import { FEED_STYLESHEET } from "../../../../functions/feeds/feed-stylesheet.js";

const run = promisify(execFile);

/** Applies FEED_STYLESHEET to `xml` with Debian's xsltproc (libxslt, like Chromium); resolves with HTML. */
export async function xsltproc(xml: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "news-brief-xslt-"));
  const stylesheet = join(dir, "feed.xsl");
  const feed = join(dir, "feed.xml");
  try {
    await Promise.all([writeFile(stylesheet, FEED_STYLESHEET), writeFile(feed, xml)]);
    const { stdout } = await run("xsltproc", ["--nonet", stylesheet, feed], { maxBuffer: 16 * 1024 * 1024 });
    return stdout;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** One item as the page shows it. */
export interface PageEntry {
  title: string;
  /** The title link's href attribute, as written. */
  href: string;
  /** The date as words, like "10 juin 2020". */
  date: string;
  /** The `datetime` of the date, like "2020-06-10". */
  datetime: string;
  lead: string;
}

/** What a person sees on the page, read from the DOM. */
export interface FeedPage {
  lang: string;
  /** The text of the box that says what a feed is. */
  about: string;
  /** The feed's own address, shown for copying. */
  self: string;
  h1: string;
  description: string;
  home: { text: string; href: string };
  /** The heading above the items. */
  listHeading: string;
  entries: PageEntry[];
  /** How many `<script>` elements the document has. */
  scripts: number;
  /** The whole text of the body. */
  text: string;
}

/** Reads the page the stylesheet made from `page`'s DOM; missing parts read as "". */
export function readFeedPage(page: Page): Promise<FeedPage> {
  return page.evaluate((): FeedPage => {
    const text = (selector: string, root: ParentNode = document) =>
      root.querySelector(selector)?.textContent ?? "";
    const attribute = (selector: string, name: string, root: ParentNode = document) =>
      root.querySelector(selector)?.getAttribute(name) ?? "";
    return {
      lang: document.documentElement.lang,
      about: text(".about p"),
      self: text(".about .self"),
      h1: text("h1"),
      description: text("header p"),
      home: { text: text("header a"), href: attribute("header a", "href") },
      listHeading: text("main h2"),
      entries: [...document.querySelectorAll("main article")].map((article) => ({
        title: text("h3 a", article),
        href: attribute("h3 a", "href", article),
        date: text("time", article),
        datetime: attribute("time", "datetime", article),
        lead: text(".lead", article),
      })),
      scripts: document.querySelectorAll("script").length,
      text: document.body.textContent ?? "",
    };
  });
}

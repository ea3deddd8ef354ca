import { parseAtomFeed, parseJsonFeed, parseRssFeed } from "feedsmith";
import { beforeAll, describe, expect, test } from "vitest";
import { cleanText } from "../../../functions/catalog/xml-text.js";
import { renderFeed } from "../../../functions/feeds/render-feed.js";
import { type FeedFormat, Links } from "../../../functions/links.js";
import type { Catalog } from "../../../infra/content/catalog.js";
import { loadCatalog } from "../../../infra/content/load.js";
import { generatedCatalog, HOSTILE, hostileCatalog } from "../../fixtures/catalog.js";
import { ATOM_GRAMMAR, entryTitle, feedparser, xmllint } from "../../support/feed-validators.js";
import { htmlText } from "../../support/html-text.js";

function render(format: FeedFormat, catalog: Catalog): string {
  const briefs = catalog.briefs.slice(0, catalog.site.feedSize);
  return renderFeed(format, { site: catalog.site, links: new Links(catalog.site.baseUrl), briefs });
}

/** Every check a feed must pass: well-formed, the Atom grammar, and feedparser without complaint. */
async function expectValidXml(format: "rss" | "atom", xml: string) {
  expect(await xmllint(xml)).toBe("");
  if (format === "atom") expect(await xmllint(xml, ATOM_GRAMMAR)).toBe("");
  const parsed = await feedparser(xml);
  expect(parsed.bozo_exception).toBeNull();
  expect(parsed.version).toBe(format === "rss" ? "rss20" : "atom10");
  return parsed;
}

/** The text of each point as the feeds' HTML content carries it: bold heading, a space, the paragraph. */
function pointTexts(catalog: Catalog, index: number): string[] {
  return (catalog.briefs[index]?.points ?? []).map((p) => (p.heading ? `${p.heading} ${p.text}` : p.text));
}

describe("feeds of the real content", () => {
  let catalog: Catalog;
  beforeAll(async () => {
    catalog = await loadCatalog("content");
  });

  test.each(["rss", "atom", "json"] as const)("the %s feed matches its snapshot", async (format) => {
    const ext = format === "json" ? "json" : "xml";
    await expect(render(format, catalog)).toMatchFileSnapshot(`__snapshots__/content.${format}.${ext}`);
  });

  test.each(["rss", "atom"] as const)(
    "the %s feed gives feedparser every title, lead and key point intact",
    async (format) => {
      const parsed = await expectValidXml(format, render(format, catalog));
      expect(parsed.feed.language).toBe("fr");
      expect(parsed.entries).toHaveLength(catalog.briefs.length);
      catalog.briefs.forEach((brief, index) => {
        const entry = parsed.entries[index];
        expect(entry?.title).toBe(brief.title);
        expect(htmlText(entry?.summary ?? "")).toBe(brief.lead);
        const content = htmlText(entry?.content ?? "", { stripTags: true });
        for (const point of pointTexts(catalog, index)) expect(content).toContain(point);
        expect(entry?.tags).toEqual(brief.tags);
        expect(entry?.link).toBe(`http://localhost:3000/briefs/${brief.id}`);
      });
    },
  );

  test("the JSON feed is JSON Feed 1.1 with every title, lead and key point intact", () => {
    const text = render("json", catalog);
    const feed = JSON.parse(text);
    expect(feed.version).toBe("https://jsonfeed.org/version/1.1");
    expect(feed.language).toBe("fr");
    expect(feed.authors).toEqual([{ name: "Clubic", url: "https://www.clubic.com/" }]);
    const parsed = parseJsonFeed(feed);
    expect(parsed.items?.map((item) => item.title)).toEqual(catalog.briefs.map((b) => b.title));
    expect(parsed.items?.map((item) => item.summary)).toEqual(catalog.briefs.map((b) => b.lead));
    const content = htmlText(parsed.items?.[0]?.content_html ?? "", { stripTags: true });
    for (const point of pointTexts(catalog, 0)) expect(content).toContain(point);
  });

  test("accents survive in all three formats", async () => {
    for (const format of ["rss", "atom"] as const) {
      const parsed = await feedparser(render(format, catalog));
      expect(parsed.entries[0]?.title).toContain("employés");
      expect(parsed.entries[0]?.tags).toContain("Éthique");
    }
    expect(render("json", catalog)).toContain("Éthique");
  });
});

describe("feeds of a generated catalog of 120 briefs", () => {
  const catalog = generatedCatalog(120);

  test.each(["rss", "atom"] as const)(
    "the %s feed carries the 20 newest briefs and passes the validators",
    async (format) => {
      const parsed = await expectValidXml(format, render(format, catalog));
      expect(parsed.entries.map((entry) => entry.title)).toEqual(
        catalog.briefs.slice(0, 20).map((b) => b.title),
      );
    },
  );

  test("feed-level dates are the newest brief's date, not the time of rendering", () => {
    const rss = parseRssFeed(render("rss", catalog));
    const atom = parseAtomFeed(render("atom", catalog));
    const json = JSON.parse(render("json", catalog));
    const newest = new Date(catalog.briefs[0]?.published ?? "");
    expect(new Date(rss.lastBuildDate ?? "").getTime()).toBe(newest.getTime());
    expect(new Date(atom.updated ?? "").getTime()).toBe(newest.getTime());
    expect(new Date(json.items[0].date_published).getTime()).toBe(newest.getTime());
  });

  test("images go in as enclosures with their registered media type", async () => {
    const parsed = await feedparser(render("atom", catalog));
    const rss = await feedparser(render("rss", catalog));
    expect(parsed.entries[0]?.enclosures).toEqual([
      { href: "https://img.example.com/0.jpg", type: "image/jpeg" },
    ]);
    expect(rss.entries[0]?.enclosures).toEqual([
      { href: "https://img.example.com/0.jpg", type: "image/jpeg" },
    ]);
    expect(JSON.parse(render("json", catalog)).items[0].attachments[0].mime_type).toBe("image/jpeg");
  });

  test("item ids are tag: URIs that do not change with the base URL", () => {
    const moved = generatedCatalog(120, { baseUrl: "http://other.example.org" });
    const ids = (c: Catalog) => JSON.parse(render("json", c)).items.map((item: { id: string }) => item.id);
    expect(ids(moved)).toEqual(ids(catalog));
    expect(ids(catalog)[0]).toBe("tag:clubic.com,2020:brief:brief-0120");
  });

  test("rendering twice gives byte-identical output", () => {
    for (const format of ["rss", "atom", "json"] as const)
      expect(render(format, catalog)).toBe(render(format, generatedCatalog(120)));
  });
});

describe("feeds of hostile text", () => {
  const catalog = hostileCatalog();
  const expected = cleanText(HOSTILE);

  test.each(["rss", "atom"] as const)(
    "the %s feed stays valid and gives the text back exactly",
    async (format) => {
      const parsed = await expectValidXml(format, render(format, catalog));
      expect(parsed.feed.title).toBe(expected);
      const [entry] = parsed.entries;
      expect(entry && entryTitle(entry)).toBe(expected);
      expect(htmlText(entry?.summary ?? "")).toBe(expected);
      expect(entry?.tags).toEqual(["C<>C++", expected]);
      expect(entry?.author).toBe(expected);
      expect(entry?.content).not.toContain("<script");
    },
  );

  test.each(["rss", "atom"] as const)(
    "the %s feed writes & and < as hex references outside CDATA, as the W3C validator expects",
    (format) => {
      const xml = render(format, catalog);
      const outsideCdata = xml.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, "");
      expect(outsideCdata).not.toMatch(/&amp;|&lt;/);
      expect(outsideCdata).toContain("AT&#x26;T &#x3C;vs&gt;");
    },
  );

  test('Atom declares a title type="text" unless it holds an HTML end tag, then escaped type="html"', () => {
    const plain = hostileCatalog();
    const withoutEndTag = { ...plain, briefs: plain.briefs.map((b) => ({ ...b, title: "AT&T <vs> 3 > 2" })) };
    expect(render("atom", withoutEndTag)).toContain(
      '<title type="text">AT&#x26;T &#x3C;vs&gt; 3 &gt; 2</title>',
    );
    expect(render("atom", catalog)).toMatch(/<title type="html">AT&#x26;amp;T &#x26;lt;vs&#x26;gt;/);
  });

  test("the JSON feed stays valid JSON without the characters XML forbids", () => {
    const text = render("json", catalog);
    const feed = JSON.parse(text);
    expect(feed.items[0].title).toBe(expected);
    expect(text).not.toMatch(/\\u000[0-8]|\\ud800/i);
  });
});

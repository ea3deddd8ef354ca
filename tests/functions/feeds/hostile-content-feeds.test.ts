// The feeds of the hostile content catalogue (built by the real loader into a real store, fetched through the app):
// RSS, Atom and JSON Feed, the whole site's and each tag's, pass their validators and real readers, carry every
// text exactly as written, and hold no markup but their own.
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from "feedsmith";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type RunningServer, startServer } from "../../../functions/adapters/node-server.js";
import { tagSlug } from "../../../functions/catalog/tag-slug.js";
import type { Catalog } from "../../../infra/content/catalog.js";
import { type PublishedApp, pageOf, publishedApp } from "../../fixtures/hostile-content/published-app.js";
import { PUBLISHED, PUBLISHED_TAGS } from "../../fixtures/hostile-content/published-kinds.js";
import { ATOM_GRAMMAR, entryTitle, feedparser, xmllint } from "../../support/feed-validators.js";
import { htmlText } from "../../support/html-text.js";
import { CONTENT_ELEMENTS, expectInert, expectWordIntact } from "../../support/inert-markup.js";
import { WIDGET_SCRIPT } from "../../support/test-app.js";
import { contentOf } from "../../support/test-content.js";
import { newsboatReload } from "./support/newsboat.js";

let catalog: Catalog;
let get: PublishedApp["get"];

beforeAll(async () => {
  ({ catalog, get } = await publishedApp());
});

describe("the feeds", () => {
  test("RSS is well-formed, feedparser reads it without complaint, and every text comes out as written", async () => {
    const rss = await get("/feed.xml");
    expect(await xmllint(rss)).toBe("");
    const parsed = await feedparser(rss);
    expect(parsed.bozo, parsed.bozo_exception ?? "").toBe(false);
    expect(parsed.entries).toHaveLength(PUBLISHED.length);
    const items = parseRssFeed(rss).items ?? [];
    for (const { id, shown, points } of PUBLISHED) {
      const item = items.find((each) => each.link === pageOf(id));
      expect(item?.title, id).toBe(shown.title);
      expect(htmlText(item?.description ?? ""), id).toBe(shown.lead);
      const content = item?.content?.encoded ?? "";
      expectInert(content, CONTENT_ELEMENTS, id);
      const text = htmlText(content, { stripTags: true });
      for (const point of points) expect(text, id).toContain(`${point.heading} ${point.text}`);
      // RSS says nothing of a title's type, and feedparser takes one holding an entity reference ("&lt;") for
      // HTML, which it then decodes; Atom's type="text" settles it (below).
      const entry = parsed.entries.find((each) => each.link === pageOf(id));
      if (!/&#?\w+;/.test(shown.title)) expect(entry && entryTitle(entry), id).toBe(shown.title);
    }
    expectWordIntact(rss, ["title", "lead", "heading", "text", "source"]);
  });

  test("Atom follows the RFC 4287 grammar, feedparser reads it, and every text comes out as written", async () => {
    const atom = await get("/atom.xml");
    expect(await xmllint(atom, ATOM_GRAMMAR)).toBe("");
    const parsed = await feedparser(atom);
    expect(parsed.bozo, parsed.bozo_exception ?? "").toBe(false);
    const contents = new Map(
      parseAtomFeed(atom).entries?.map((entry) => [entry.links?.[0]?.href, entry.content?.value ?? ""]),
    );
    for (const { id, shown } of PUBLISHED) {
      const entry = parsed.entries.find((each) => each.link === pageOf(id));
      expect(entry && entryTitle(entry), id).toBe(shown.title);
      expect(htmlText(entry?.summary ?? ""), id).toBe(shown.lead);
      expectInert(contents.get(pageOf(id)) ?? "", CONTENT_ELEMENTS, id);
    }
    expectWordIntact(atom, ["title", "lead", "heading", "text", "source", "alt"]);
  });

  test("JSON Feed parses, and every text comes out as written", async () => {
    const text = await get("/feed.json");
    const feed = parseJsonFeed(JSON.parse(text));
    for (const { id, shown } of PUBLISHED) {
      const item = feed.items?.find((each) => each.url === pageOf(id));
      expect(item?.title, id).toBe(shown.title);
      expect(item?.summary, id).toBe(shown.lead);
      expect(item?.tags ?? [], id).toEqual(shown.tags);
      expect(item?.attachments?.[0]?.title ?? null, id).toBe(shown.alt);
      expectInert(item?.content_html ?? "", CONTENT_ELEMENTS, id);
    }
    expectWordIntact(text, ["title", "lead", "heading", "text", "source", "alt", "tag"]);
  });

  test.each(PUBLISHED_TAGS)("the feeds of the tag %s are valid and list its briefs", async (tag) => {
    const tagged = PUBLISHED.filter((kind) => kind.shown.tags.includes(tag));
    const slug = tagSlug(tag);
    const [rss, atom, json] = await Promise.all(
      ["feed.xml", "atom.xml", "feed.json"].map((file) => get(`/tags/${slug}/${file}`)),
    );
    expect(await xmllint(rss ?? "")).toBe("");
    expect(await xmllint(atom ?? "", ATOM_GRAMMAR)).toBe("");
    for (const xml of [rss, atom]) {
      const parsed = await feedparser(xml ?? "");
      expect(parsed.bozo, parsed.bozo_exception ?? "").toBe(false);
      expect(parsed.entries.map(entryTitle).sort()).toEqual(tagged.map((kind) => kind.shown.title).sort());
      expect(parsed.entries.map((entry) => entry.tags)).toContainEqual(expect.arrayContaining([tag]));
    }
    expect(JSON.parse(json ?? "").items.map((item: { title: string }) => item.title)).toEqual(
      tagged.map((kind) => kind.shown.title).reverse(),
    );
  });

  describe("read by newsboat", () => {
    let server: RunningServer;
    beforeAll(async () => {
      server = await startServer(contentOf(catalog), WIDGET_SCRIPT, { port: 0, env: {} });
    });
    afterAll(() => server?.close());

    // One reload per feed: newsboat keeps one item per guid, and both feeds share their ids.
    test.each(["/feed.xml", "/atom.xml"])("%s gives every title as written", async (path) => {
      const { items } = await newsboatReload([`${server.url}${path}`]);
      expect(items.map((item) => item.title).sort()).toEqual(
        PUBLISHED.map((kind) => kind.shown.title).sort(),
      );
    });
  });
});

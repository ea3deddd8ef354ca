// The hostile content catalogue (built by the real loader into a real store, fetched through the app) in the API, the
// pages, oEmbed and the sitemaps: each is valid, carries the text exactly as written (Word's typography byte for
// byte), and holds no markup but its own. The feeds are in feeds/hostile-content-feeds.test.ts, the pages in
// Chromium in pages/hostile-content-pages.test.ts.
import { beforeAll, describe, expect, test } from "vitest";
import { escapeHtml } from "../../functions/catalog/html.js";
import { tagSlug } from "../../functions/catalog/tag-slug.js";
import { type PublishedApp, pageOf, publishedApp } from "../fixtures/hostile-content/published-app.js";
import { PUBLISHED, PUBLISHED_TAGS } from "../fixtures/hostile-content/published-kinds.js";
import {
  NEWS_SITEMAP_SCHEMA,
  SITEINDEX_SCHEMA,
  SITEMAP_SCHEMA,
  xmllint,
} from "../support/feed-validators.js";
import { htmlText } from "../support/html-text.js";
import {
  CONTENT_ELEMENTS,
  elements,
  expectInert,
  expectWordIntact,
  MARKUP_PAYLOADS,
} from "../support/inert-markup.js";

let get: PublishedApp["get"];

beforeAll(async () => {
  ({ get } = await publishedApp());
});

describe("the API", () => {
  test("lists every brief with its text as written and only safe HTML in its points", async () => {
    const text = await get("/api/briefs?limit=50");
    const { items } = JSON.parse(text) as { items: Record<string, never>[] };
    expect(items).toHaveLength(PUBLISHED.length);
    for (const { id, shown, points } of PUBLISHED) {
      const item = items.find((each) => each.id === id) as unknown as {
        title: string;
        lead: string;
        source: { name: string; url: string | null };
        author: string | null;
        image: { alt: string } | null;
        tags: string[];
        points: { heading: string | null; text: string; html: string }[];
      };
      expect(
        {
          title: item.title,
          lead: item.lead,
          source: item.source.name,
          sourceUrl: item.source.url,
          author: item.author,
          alt: item.image?.alt ?? null,
          tags: item.tags,
        },
        id,
      ).toEqual(shown);
      expect(
        item.points.map(({ heading, text }) => ({ heading, text })),
        id,
      ).toEqual(points);
      for (const point of item.points) expectInert(point.html, CONTENT_ELEMENTS, id);
      expect(JSON.parse(await get(`/api/briefs/${id}`)), id).toEqual(item);
    }
    expectWordIntact(text, ["title", "lead", "heading", "text", "source", "author", "alt", "tag"]);
  });

  test.each(PUBLISHED_TAGS)("filters by the tag %s", async (tag) => {
    const { items } = JSON.parse(await get(`/api/briefs?tag=${encodeURIComponent(tag)}`));
    expect(items.map((item: { tags: string[] }) => item.tags)).toEqual(
      PUBLISHED.filter((kind) => kind.shown.tags.includes(tag)).map(() => expect.arrayContaining([tag])),
    );
  });
});

describe("the pages", () => {
  /**
   * Asserts that a page shows `texts` escaped, that no payload stands in it as markup, and that no element of
   * it has an event-handler attribute.
   */
  function expectEscaped(html: string, texts: string[], where: string) {
    for (const text of texts) expect(html, where).toContain(escapeHtml(text));
    for (const payload of MARKUP_PAYLOADS) expect(html, where).not.toContain(payload);
    const handlers = elements(html).filter((element) => / on[a-z]+/.test(element));
    expect(handlers, where).toEqual([]);
  }

  test.each(PUBLISHED.map((kind) => [kind.id, kind] as const))(
    "the page and the embed page of %s show its text escaped",
    async (id, { shown }) => {
      const page = await get(`/briefs/${id}`);
      const embed = await get(`/embed/${id}`);
      expectEscaped(page, [shown.title, shown.lead, shown.source, ...shown.tags], `page ${id}`);
      expectEscaped(embed, [shown.title, shown.lead, shown.source], `embed ${id}`);
      if (shown.alt !== null) expectEscaped(page, [shown.alt], `alt ${id}`);
      if (shown.author !== null) expectEscaped(page, [shown.author], `author ${id}`);
    },
  );

  test("the front page and the tag pages list the briefs, escaped", async () => {
    const front = await get("/");
    const listed = PUBLISHED.filter((kind) => front.includes(`href="${pageOf(kind.id)}"`));
    expect(listed.length).toBeGreaterThanOrEqual(20);
    for (const { id, shown } of listed) expectEscaped(front, [shown.title, shown.lead], `front ${id}`);
    for (const tag of PUBLISHED_TAGS) {
      const page = await get(`/tags/${tagSlug(tag)}`);
      for (const { id, shown } of PUBLISHED.filter((kind) => kind.shown.tags.includes(tag)))
        expectEscaped(page, [shown.title, tag], `tag ${tag} ${id}`);
    }
  });

  test("Word's typography reaches the brief page and the embed page byte for byte", async () => {
    expectWordIntact(await get("/briefs/collage-word"), [
      "title",
      "lead",
      "heading",
      "text",
      "source",
      "author",
      "alt",
      "tag",
    ]);
    expectWordIntact(await get("/embed/collage-word"), ["title", "lead", "heading", "text", "source"]);
  });
});

describe("oEmbed", () => {
  const OEMBED_ELEMENTS = [
    "blockquote lang",
    "a href",
    "iframe src width height title loading sandbox frameborder",
  ];

  test.each(PUBLISHED.map((kind) => [kind.id, kind] as const))(
    "answers for %s with its title as written and only its own markup, in JSON and XML",
    async (id, { shown }) => {
      const url = encodeURIComponent(pageOf(id));
      const json = JSON.parse(await get(`/oembed?url=${url}&format=json`)) as { title: string; html: string };
      expect(json.title).toBe(shown.title);
      expectInert(json.html, OEMBED_ELEMENTS, id);
      expect(json.html).toContain(escapeHtml(shown.title).replaceAll("&quot;", '"').replaceAll("&#39;", "'"));
      expect(await xmllint(await get(`/oembed?url=${url}&format=xml`))).toBe("");
    },
  );

  test("keeps Word's typography byte for byte", async () => {
    const url = encodeURIComponent(pageOf("collage-word"));
    expectWordIntact(await get(`/oembed?url=${url}&format=json`), ["title"]);
  });
});

describe("the sitemaps", () => {
  test("follow the sitemaps.org and Google News schemas, the news titles as written", async () => {
    const index = await get("/sitemap.xml");
    expect(await xmllint(index, SITEINDEX_SCHEMA)).toBe("");
    for (const [, loc] of index.matchAll(/<loc>([^<]+)<\/loc>/g)) {
      const child = await get(new URL(loc ?? "").pathname);
      expect(await xmllint(child, SITEMAP_SCHEMA), loc).toBe("");
    }
    const news = await get("/sitemap-news.xml");
    expect(await xmllint(news, NEWS_SITEMAP_SCHEMA)).toBe("");
    const titles = [...news.matchAll(/<news:title>([^<]*)<\/news:title>/g)].map(([, title]) =>
      htmlText(title ?? ""),
    );
    expect(titles.sort()).toEqual(PUBLISHED.map((kind) => kind.shown.title).sort());
    expectWordIntact(news, ["title"]);
  });
});

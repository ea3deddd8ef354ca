import { parseAtomFeed, parseJsonFeed, parseRssFeed } from "feedsmith";
import { describe, expect, test } from "vitest";
import { cleanText } from "../../../functions/catalog/xml-text.js";
import { FeedDocuments } from "../../../functions/feeds/feed-documents.js";
import { type FeedAddress, Links } from "../../../functions/links.js";
import type { Brief, Catalog } from "../../../infra/content/catalog.js";
import { loadCatalog } from "../../../infra/content/load.js";
import { baseBrief, generatedCatalog, hostileCatalog } from "../../fixtures/catalog.js";
import { ATOM_GRAMMAR, entryTitle, feedparser, xmllint } from "../../support/feed-validators.js";
import { htmlText } from "../../support/html-text.js";
import { snapshotOf } from "../../support/test-content.js";

const text = async (feeds: FeedDocuments | Promise<FeedDocuments>, address: FeedAddress) =>
  new TextDecoder().decode((await (await feeds).get(address))?.bytes);
const feedsOf = async (catalog: Catalog, base = catalog.site.baseUrl) =>
  new FeedDocuments(await snapshotOf(catalog), new Links(base));

/** Checks one document with every validator and returns the ids of the briefs it carries, in order. */
async function checkDocument(
  store: FeedDocuments,
  address: FeedAddress,
  byId: Map<string, Brief>,
): Promise<string[]> {
  const body = await text(store, address);
  if (address.format === "json") {
    const feed = parseJsonFeed(JSON.parse(body));
    expect(JSON.parse(body).version).toBe("https://jsonfeed.org/version/1.1");
    return (feed.items ?? []).map((item) => {
      const brief = byId.get(String(item.id).split(":").at(-1) ?? "");
      expect(item.title).toBe(cleanText(brief?.title ?? ""));
      expect(item.summary).toBe(cleanText(brief?.lead ?? ""));
      return brief?.id ?? "";
    });
  }
  expect(await xmllint(body)).toBe("");
  if (address.format === "atom") expect(await xmllint(body, ATOM_GRAMMAR)).toBe("");
  const js = address.format === "atom" ? parseAtomFeed(body).entries : parseRssFeed(body).items;
  expect(js?.length).toBeGreaterThan(0);
  const parsed = await feedparser(body);
  expect(parsed.bozo_exception).toBeNull();
  return parsed.entries.map((entry) => {
    const brief = byId.get(entry.id.split(":").at(-1) ?? "");
    expect(brief, entry.id).toBeDefined();
    if (!brief) return "";
    expect(entryTitle(entry)).toBe(cleanText(brief.title));
    expect(htmlText(entry.summary)).toBe(cleanText(brief.lead));
    expect(entry.tags).toEqual(brief.tags.map(cleanText));
    const content = htmlText(entry.content, { stripTags: true });
    for (const point of brief.points)
      expect(content).toContain(htmlText(cleanText(point.html), { stripTags: true }));
    return brief.id;
  });
}

describe.each([
  ["a generated catalog of 45 briefs", () => generatedCatalog(45)],
  ["hostile text", () => hostileCatalog()],
  ["the real content", () => loadCatalog("content")],
])("every feed document of %s", (_, make) => {
  test("passes xmllint, the Atom grammar, feedparser and a JS parser, with every brief intact", async () => {
    const catalog = await make();
    const store = feedsOf(catalog);
    const byId = new Map(catalog.briefs.map((brief) => [brief.id, brief]));
    const addresses = [...(await store).addresses()];
    expect(addresses.length).toBeGreaterThanOrEqual(3);
    for (const address of addresses) await checkDocument(await store, address, byId);
  }, 60_000);
});

describe("pages of a feed", () => {
  const catalog = generatedCatalog(45);
  const store = feedsOf(catalog);

  test.each(["rss", "atom", "json"] as const)(
    "following next from the %s feed reaches every brief",
    async (format) => {
      const seen = new Set<string>();
      let address: FeedAddress | undefined = { format };
      let pages = 0;
      while (address) {
        const body = await text(store, address);
        for (const match of body.matchAll(/tag:clubic\.com,2020:brief:(brief-\d+)/g))
          seen.add(match[1] ?? "");
        const next =
          format === "json"
            ? JSON.parse(body).next_url
            : /<(?:atom:)?link (?:href="([^"]+)" rel="next"|rel="next" href="([^"]+)")/
                .exec(body)
                ?.slice(1)
                .find(Boolean);
        const page = next && /\/archive\/(\d+)\//.exec(next)?.[1];
        address = page ? { format, page: Number(page) } : undefined;
        pages++;
      }
      expect(pages).toBe(5);
      expect([...seen].sort()).toEqual(catalog.briefs.map((b) => b.id).sort());
    },
  );

  test("links archives with prev-archive, next-archive and current, and marks them fh:archive", async () => {
    const current = await text(store, { format: "atom" });
    expect(current).toContain(
      '<link rel="prev-archive" href="https://briefs.example.com/archive/4/atom.xml"/>',
    );
    expect(current).not.toContain("fh:archive");
    const oldest = await text(store, { format: "atom", page: 1 });
    expect(oldest).toContain('<link rel="current" href="https://briefs.example.com/atom.xml"/>');
    expect(oldest).toContain(
      '<link rel="next-archive" href="https://briefs.example.com/archive/2/atom.xml"/>',
    );
    expect(oldest).not.toContain('rel="prev-archive"');
    expect(oldest).toContain('xmlns:fh="http://purl.org/syndication/history/1.0"');
    expect(oldest).toContain("<fh:archive/>");
    const newest = await text(store, { format: "atom", page: 4 });
    expect(newest).toContain(
      '<link rel="prev-archive" href="https://briefs.example.com/archive/3/atom.xml"/>',
    );
    expect(newest).not.toContain('rel="next-archive"');
    expect(newest).toContain('<link rel="previous" href="https://briefs.example.com/atom.xml"/>');
    expect(await text(store, { format: "rss", page: 2 })).toContain(
      '<atom:link href="https://briefs.example.com/archive/1/feed.xml" rel="prev-archive" type="application/rss+xml"/>',
    );
  });

  test("carries the 20 newest briefs on the current page and 10 per archive, oldest in archive 1", async () => {
    const ids = async (page?: number) =>
      [...(await text(store, { format: "json", page })).matchAll(/"id": "tag:[^"]*:(brief-\d+)"/g)].map(
        (m) => m[1],
      );
    expect(await ids()).toHaveLength(20);
    expect((await ids())[0]).toBe("brief-0045");
    expect(await ids(1)).toEqual(
      Array.from({ length: 10 }, (_, i) => `brief-${String(10 - i).padStart(4, "0")}`),
    );
    expect(await ids(4)).toHaveLength(10);
    expect(await (await store).get({ format: "rss", page: 5 })).toBeUndefined();
    expect(await (await store).get({ format: "rss", page: 0 })).toBeUndefined();
  });

  test("has no archive page while the feed carries every brief", async () => {
    const small = feedsOf(generatedCatalog(20));
    expect([...(await small).addresses()].some((a) => a.page !== undefined)).toBe(false);
    expect(await text(small, { format: "atom" })).not.toContain("archive");
  });

  test("keeps archive pages byte-identical when newer briefs are published", async () => {
    const newer = (n: number): Brief => ({
      ...baseBrief,
      id: `nouveau-${n}`,
      published: `2022-0${n}-01T10:00:00+02:00`,
    });
    const grown = feedsOf({ ...catalog, briefs: [newer(2), newer(1), ...catalog.briefs] });
    for (const format of ["rss", "atom", "json"] as const) {
      expect(await text(grown, { format, page: 1 })).toBe(await text(store, { format, page: 1 }));
      expect(await text(grown, { format, page: 2 })).toBe(await text(store, { format, page: 2 }));
      expect(await text(grown, { format, page: 3 })).toBe(await text(store, { format, page: 3 }));
      expect(await text(grown, { format })).not.toBe(await text(store, { format }));
    }
  });
});

describe("snapshots", () => {
  const store = feedsOf(generatedCatalog(45));

  test.each([
    ["tag-ethique.atom.xml", { format: "atom", slug: "ethique" }],
    ["archive-1.rss.xml", { format: "rss", page: 1 }],
    ["tag-cloud-archive-3.json", { format: "json", slug: "cloud", page: 3 }],
  ] as const)("%s matches its snapshot", async (name, address) => {
    await expect(await text(store, address)).toMatchFileSnapshot(`__snapshots__/generated.${name}`);
  });
});

describe("feeds per tag", () => {
  const catalog = generatedCatalog(45);
  const store = feedsOf(catalog);

  test("exist for every tag, titled with the tag, carrying only its briefs", async () => {
    const slugs = new Set([...(await store).addresses()].map((a) => a.slug));
    expect(slugs).toEqual(new Set([undefined, "cloud", "ethique", "microsoft"]));
    const feed = JSON.parse(await text(store, { format: "json", slug: "ethique" }));
    expect(feed.title).toBe("Briefs — Éthique");
    expect(feed.feed_url).toBe("https://briefs.example.com/tags/ethique/feed.json");
    const tagged = catalog.briefs
      .filter((b) => b.tags.includes("Éthique"))
      .map((b) => `tag:clubic.com,2020:brief:${b.id}`);
    expect(feed.items.map((item: { id: string }) => item.id)).toEqual(tagged);
  });

  test("have tag: ids of their own, stable across base URLs", async () => {
    const moved = feedsOf(catalog, "http://elsewhere.example");
    const id = async (s: Promise<FeedDocuments>) =>
      /<id>([^<]+)<\/id>/.exec(await text(s, { format: "atom", slug: "cloud" }))?.[1];
    expect(await id(store)).toBe("tag:clubic.com,2020:feed:tag:cloud");
    expect(await id(moved)).toBe(await id(store));
  });

  test("do not exist for an unknown tag", async () => {
    expect(await (await store).get({ format: "rss", slug: "inconnu" })).toBeUndefined();
  });
});

describe("WebSub", () => {
  const catalog = generatedCatalog(3, { hub: "https://hub.example.com/" });
  const store = feedsOf(catalog);

  test("announces the hub in all three formats", async () => {
    expect(await text(store, { format: "rss" })).toContain(
      '<atom:link href="https://hub.example.com/" rel="hub"/>',
    );
    expect(await text(store, { format: "atom" })).toContain(
      '<link rel="hub" href="https://hub.example.com/"/>',
    );
    expect(JSON.parse(await text(store, { format: "json" })).hubs).toEqual([
      { type: "WebSub", url: "https://hub.example.com/" },
    ]);
  });

  test("announces no hub when none is configured", async () => {
    const plain = feedsOf(generatedCatalog(3));
    expect(await text(plain, { format: "rss" })).not.toContain('rel="hub"');
    expect(JSON.parse(await text(plain, { format: "json" })).hubs).toBeUndefined();
  });
});

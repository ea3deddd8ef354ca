// The document checks against what the build really writes: every document of a compiled store passes the
// check for its key, and damaged copies of each kind do not.
import { describe, expect, test } from "vitest";
import {
  briefShape,
  briefsShape,
  type DocumentShape,
  manifestShape,
  newsShape,
  pageShape,
  shardShape,
  sitemapShape,
} from "../../../functions/catalog/document-shapes.js";
import { MANIFEST_KEY } from "../../../functions/catalog/store-layout.js";
import type { Catalog } from "../../../infra/content/catalog.js";
import { loadCatalog } from "../../../infra/content/load.js";
import { compileInto } from "../../../infra/store/compile-store.js";
import { generatedCatalog } from "../../fixtures/catalog.js";

/** The check each document of a store must pass, by the start of its key. */
function shapeOf(key: string): DocumentShape<unknown> {
  if (key === MANIFEST_KEY || key.startsWith("versions/")) return manifestShape;
  const kinds: [string, DocumentShape<unknown>][] = [
    ["briefs/", briefShape],
    ["latest/", briefsShape],
    ["archive/", pageShape],
    ["index/", shardShape],
    ["sitemap/", sitemapShape],
    ["news.", newsShape],
  ];
  const found = kinds.find(([start]) => key.startsWith(start));
  if (!found) throw new Error(`no document check for ${key}: add one to document-shapes.ts`);
  return found[1];
}

/** Every document the build compiles from `catalog`, parsed. */
function compiled(catalog: Catalog, withdrawn: string[] = []): [string, unknown][] {
  const documents: [string, unknown][] = [];
  compileInto(catalog, ({ key, text }) => void documents.push([key, JSON.parse(text)]), { withdrawn });
  return documents;
}

describe("every document the build writes passes its check", () => {
  test("the seed content", async () => {
    const documents = compiled(await loadCatalog("content"));
    expect(documents.length).toBeGreaterThan(5);
    for (const [key, value] of documents) expect(shapeOf(key).is(value), key).toBe(true);
  });

  test("a generated catalogue with archive pages, images, authors, logo and withdrawn briefs", () => {
    const catalog = generatedCatalog(75, { logo: "https://www.clubic.com/logo.png", twitter: "@clubic" });
    const documents = compiled(catalog, ["retiree"]);
    const kinds = new Set(documents.map(([key]) => key.split(/[/.]/)[0]));
    expect(kinds).toEqual(
      new Set(["briefs", "latest", "archive", "index", "sitemap", "news", "manifest", "versions"]),
    );
    for (const [key, value] of documents) expect(shapeOf(key).is(value), key).toBe(true);
  });
});

describe("damaged documents fail their check", () => {
  const documents = new Map(compiled(generatedCatalog(75), ["retiree"]));
  const first = (start: string) => {
    const entry = [...documents].find(([key]) => key.startsWith(start));
    if (!entry) throw new Error(`no ${start} document`);
    return entry[1] as Record<string, unknown>;
  };
  const manifest = documents.get(MANIFEST_KEY) as Record<string, unknown>;
  const brief = first("briefs/");
  const shard = first("index/");

  test.each<[string, DocumentShape<unknown>, unknown]>([
    ["a manifest of another format", manifestShape, { ...manifest, format: 2 }],
    ["a manifest without a site", manifestShape, { ...manifest, site: undefined }],
    ["a manifest whose site has no feedSize", manifestShape, { ...manifest, site: { title: "x" } }],
    ["a manifest without the set of every brief", manifestShape, { ...manifest, sets: {} }],
    ["a manifest whose shards are not keys", manifestShape, { ...manifest, shards: { "00": 1 } }],
    [
      "a manifest whose inline document is not a list of briefs",
      manifestShape,
      { ...manifest, inline: { x: 1 } },
    ],
    ["a manifest that is a list", manifestShape, [manifest]],
    ["a brief without points", briefShape, { ...brief, points: undefined }],
    ["a brief whose title is a number", briefShape, { ...brief, title: 7 }],
    ["a brief whose tags are a string", briefShape, { ...brief, tags: "Cloud" }],
    ["a brief whose point has no html", briefShape, { ...brief, points: [{ heading: null, text: "x" }] }],
    ["null for a brief", briefShape, null],
    ["a list of briefs holding a number", briefsShape, { briefs: [brief, 3] }],
    ["an archive page of numbers", pageShape, { briefs: [1, 2] }],
    ["an index shard whose entry has no doc", shardShape, { ...shard, "brief:x": { positions: {} } }],
    [
      "an index shard whose positions are text",
      shardShape,
      { "brief:x": { doc: "d", positions: { "": "1" } } },
    ],
    ["a sitemap whose URLs are strings", sitemapShape, { urls: ["/"] }],
    ["a news sitemap without briefs", newsShape, {}],
  ])("%s", (_, shape, value) => {
    expect(shape.is(value)).toBe(false);
  });
});

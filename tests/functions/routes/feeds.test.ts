import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { describe, expect, test } from "vitest";
import { generatedCatalog } from "../../fixtures/catalog.js";
import { testApp } from "../../support/test-app.js";

const app = testApp(generatedCatalog(45, { hub: "https://hub.example.com/" }));
const get = (path: string, headers: Record<string, string> = {}, method = "GET") =>
  app.request(`https://briefs.example.com${path}`, { method, headers });

const PATHS = [
  "/feed.xml",
  "/atom.xml",
  "/feed.json",
  "/archive/1/feed.xml",
  "/tags/ethique/atom.xml",
  "/tags/cloud/archive/1/feed.json",
];

describe("feed responses", () => {
  test.each(PATHS)("%s has a strong ETag, Last-Modified, Vary and a cache lifetime", async (path) => {
    const response = await get(path);
    expect(response.status).toBe(200);
    expect(response.headers.get("etag")).toMatch(/^"[\w-]{27}"$/);
    expect(new Date(response.headers.get("last-modified") ?? "").getTime()).toBeGreaterThan(0);
    expect(response.headers.get("vary")).toBe(
      path.endsWith(".json") ? "Accept-Encoding" : "Accept-Encoding, Accept",
    );
    expect(response.headers.get("cache-control")).toMatch(
      /max-age=300, s-maxage=600, stale-while-revalidate=\d+, stale-if-error=\d+/,
    );
  });

  test.each(PATHS)("%s answers 304 with no body to its own ETag", async (path) => {
    const etag = (await get(path)).headers.get("etag") ?? "";
    const response = await get(path, { "If-None-Match": etag });
    expect(response.status).toBe(304);
    expect(await response.text()).toBe("");
    expect(response.headers.get("etag")).toBe(etag);
    expect(response.headers.get("cache-control")).toContain("max-age=300");
    expect(response.headers.get("vary")).toMatch(/^Accept-Encoding/);
  });

  test("answers 304 to If-Modified-Since at or after Last-Modified, 200 before it", async () => {
    const lastModified = (await get("/feed.xml")).headers.get("last-modified") ?? "";
    expect((await get("/feed.xml", { "If-Modified-Since": lastModified })).status).toBe(304);
    const before = new Date(Date.parse(lastModified) - 1000).toUTCString();
    expect((await get("/feed.xml", { "If-Modified-Since": before })).status).toBe(200);
  });

  test("lets a stale If-None-Match win over a fresh If-Modified-Since", async () => {
    const response = await get("/feed.xml", {
      "If-None-Match": '"stale"',
      "If-Modified-Since": "Tue, 01 Jan 2030 00:00:00 GMT",
    });
    expect(response.status).toBe(200);
  });

  test("sends Brotli or gzip as the client prefers, decoding to the same bytes", async () => {
    const plain = Buffer.from(await (await get("/feed.xml")).arrayBuffer());
    const br = await get("/feed.xml", { "Accept-Encoding": "gzip, deflate, br" });
    expect(br.headers.get("content-encoding")).toBe("br");
    expect(brotliDecompressSync(Buffer.from(await br.arrayBuffer()))).toEqual(plain);
    const gzip = await get("/feed.xml", { "Accept-Encoding": "gzip, br;q=0" });
    expect(gzip.headers.get("content-encoding")).toBe("gzip");
    expect(gunzipSync(Buffer.from(await gzip.arrayBuffer()))).toEqual(plain);
    expect(
      (await get("/feed.xml", { "Accept-Encoding": "identity" })).headers.get("content-encoding"),
    ).toBeNull();
  });

  test("keeps one ETag for all codings of a document", async () => {
    const etags = await Promise.all(
      ["br", "gzip", "identity"].map(async (coding) =>
        (await get("/feed.xml", { "Accept-Encoding": coding })).headers.get("etag"),
      ),
    );
    expect(new Set(etags).size).toBe(1);
  });

  test("answers HEAD with the headers of GET and no body", async () => {
    const response = await get("/tags/cloud/feed.xml", {}, "HEAD");
    expect(response.status).toBe(200);
    expect(response.headers.get("etag")).toBe((await get("/tags/cloud/feed.xml")).headers.get("etag"));
    expect(await response.text()).toBe("");
  });

  test("announces the WebSub hub and the feed's own URL in a Link header", async () => {
    expect((await get("/tags/ethique/atom.xml")).headers.get("link")).toBe(
      '<https://hub.example.com/>; rel="hub", <https://briefs.example.com/tags/ethique/atom.xml>; rel="self"',
    );
  });

  test.each([
    "/tags/inconnu/feed.xml",
    "/archive/5/feed.xml",
    "/archive/0/feed.xml",
    "/archive/x/feed.xml",
    "/tags/cloud/feed.html",
    "/feed.xml/",
    "/tags/cloud/archive/4/atom.xml",
  ])("answers %s with 404", async (path) => {
    expect((await get(path)).status).toBe(404);
  });

  test("answers a browser's navigation as application/xml, so it applies the stylesheet, under another ETag", async () => {
    const browser = await get("/feed.xml", {
      Accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
    });
    const reader = await get("/feed.xml", { Accept: "application/rss+xml, application/xml;q=0.9" });
    expect(browser.headers.get("content-type")).toBe("application/xml; charset=utf-8");
    expect(reader.headers.get("content-type")).toBe("application/rss+xml; charset=utf-8");
    expect(await browser.text()).toBe(await reader.text());
    expect(browser.headers.get("etag")).not.toBe(reader.headers.get("etag"));
    const json = await get("/feed.json", { Accept: "text/html" });
    expect(json.headers.get("content-type")).toBe("application/feed+json; charset=utf-8");
  });

  test("renders each document once, whatever the number of requests", async () => {
    const before = (await get("/atom.xml")).headers.get("etag");
    const times = await Promise.all(Array.from({ length: 5 }, () => get("/atom.xml")));
    expect(times.map((r) => r.headers.get("etag"))).toEqual(Array(5).fill(before));
  });
});

import { describe, expect, test } from "vitest";
import { generatedCatalog } from "../../fixtures/catalog.js";
import { testApp, WIDGET_SCRIPT } from "../../support/test-app.js";

const catalog = generatedCatalog(3);
const app = testApp(catalog);
const get = (path: string, init?: RequestInit) => app.request(`https://briefs.example.com${path}`, init);
const ROUTES = [
  "/",
  "/feed.xml",
  "/atom.xml",
  "/feed.json",
  "/api/briefs",
  "/api/briefs/brief-0003",
  "/briefs/brief-0003",
  "/widget/news-brief.js",
  `/widget/${WIDGET_SCRIPT.file}`,
  "/feed.xsl",
  "/tags/microsoft",
  "/embed/brief-0003",
  "/oembed?url=https%3A%2F%2Fbriefs.example.com%2Fbriefs%2Fbrief-0003",
];

describe("every route", () => {
  test.each(ROUTES)("answers GET %s with 200 and a cache lifetime", async (path) => {
    const response = await get(path);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toMatch(/max-age=\d+/);
  });

  test.each(ROUTES)("answers HEAD %s with the GET headers and no body", async (path) => {
    const [head, full] = [await get(path, { method: "HEAD" }), await get(path)];
    expect(head.status).toBe(200);
    expect(head.headers.get("content-type")).toBe(full.headers.get("content-type"));
    expect(await head.text()).toBe("");
  });

  test.each(ROUTES.flatMap((path) => ["POST", "PUT", "DELETE", "PATCH"].map((method) => [method, path])))(
    "answers %s %s with 405 and an Allow header",
    async (method, path) => {
      const response = await get(path, { method });
      expect(response.status).toBe(405);
      expect(response.headers.get("allow")).toBe("GET, HEAD");
    },
  );
});

describe("the feeds", () => {
  test.each([
    ["/feed.xml", "application/rss+xml; charset=utf-8"],
    ["/atom.xml", "application/atom+xml; charset=utf-8"],
    ["/feed.json", "application/feed+json; charset=utf-8"],
  ])("serves %s as %s", async (path, type) => {
    const response = await get(path);
    expect(response.headers.get("content-type")).toBe(type);
    expect(await response.text()).toContain("brief-0003");
  });
});

describe("weak ETags, as CloudFront sends them back after compressing", () => {
  const VALIDATED = ROUTES.filter((path) => path !== "/feed.xsl");

  test.each(VALIDATED)("answers 304 to If-None-Match with the W/ form of the ETag of %s", async (path) => {
    const etag = (await get(path)).headers.get("etag") ?? "";
    expect(etag).toMatch(/^"[^"]+"$/);
    for (const tags of [`W/${etag}`, `"other", W/${etag}`, `W/"other",W/${etag}`]) {
      const response = await get(path, { headers: { "If-None-Match": tags } });
      expect(response.status).toBe(304);
      expect(response.headers.get("etag")).toBe(etag);
    }
  });

  test("answers 304 to the weak form of the browser view's ETag of a feed, and 200 to the reader view's", async () => {
    const html = { Accept: "text/html" };
    const [browser, reader] = [await get("/feed.xml", { headers: html }), await get("/feed.xml")];
    const weak = (response: Response) => `W/${response.headers.get("etag")}`;
    expect((await get("/feed.xml", { headers: { ...html, "If-None-Match": weak(browser) } })).status).toBe(
      304,
    );
    expect((await get("/feed.xml", { headers: { ...html, "If-None-Match": weak(reader) } })).status).toBe(
      200,
    );
  });

  test.each(VALIDATED)("answers 200 to a weak ETag of other bytes on %s", async (path) => {
    const etag = (await get(path)).headers.get("etag") ?? "";
    const response = await get(path, { headers: { "If-None-Match": `W/"x${etag.slice(1)}` } });
    expect(response.status).toBe(200);
  });
});

describe("the widget script", () => {
  test.each(["news-brief.js", WIDGET_SCRIPT.file])(
    "is served as %s to any origin as JavaScript",
    async (file) => {
      const response = await get(`/widget/${file}`);
      expect(await response.text()).toBe(WIDGET_SCRIPT.text);
      expect(response.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
      expect(response.headers.get("cross-origin-resource-policy")).toBe("cross-origin");
      expect(response.headers.get("access-control-allow-origin")).toBe("*");
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    },
  );

  test("is cached for a year, immutable, under its versioned name", async () => {
    const response = await get(`/widget/${WIDGET_SCRIPT.file}`);
    expect(response.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
  });

  test("is cached for 5 minutes under the name partners paste, then used stale while it refreshes", async () => {
    const response = await get("/widget/news-brief.js");
    expect(response.headers.get("cache-control")).toMatch(/^public, max-age=300, stale-while-revalidate=\d+/);
  });

  test("answers 404, not the current script, for any other version", async () => {
    for (const file of ["news-brief.0000000000.js", "news-brief.js.map", "other.js"]) {
      const response = await get(`/widget/${file}`);
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain(WIDGET_SCRIPT.text);
    }
  });

  test("carries one ETag under both names, and answers 304 to it", async () => {
    const [stable, versioned] = [
      await get("/widget/news-brief.js"),
      await get(`/widget/${WIDGET_SCRIPT.file}`),
    ];
    const etag = stable.headers.get("etag") ?? "";
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(versioned.headers.get("etag")).toBe(etag);
    const again = await get(`/widget/${WIDGET_SCRIPT.file}`, { headers: { "If-None-Match": etag } });
    expect(again.status).toBe(304);
    expect(again.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
  });
});

describe("errors", () => {
  test.each(["/nope", "/feed.xml/", "/briefs/", "/briefs/nope", "/api", "/%FF", "/briefs/%C3%A9t%C3%A9"])(
    "answers %s with 404 and a message",
    async (path) => {
      const response = await get(path);
      expect(response.status).toBe(404);
      // Pages answer an HTML page (tests/functions/routes/error-answers.test.ts), the API JSON.
      expect(await response.text()).toMatch(/<h1>Cette page n’existe pas<\/h1>|not_found/);
    },
  );

  test("never answers 500 to odd query strings", async () => {
    for (const query of [
      "limit=%FF",
      "limit=-1",
      "tag=%00",
      "cursor=",
      "limit=99999999999999999999",
      "tag=a&tag=b",
    ]) {
      expect((await get(`/api/briefs?${query}`)).status).toBeLessThan(500);
    }
  });
});

import { gunzipSync } from "node:zlib";
import { beforeAll, describe, expect, test } from "vitest";
import type { Catalog } from "../../../infra/content/catalog.js";
import { loadCatalog } from "../../../infra/content/load.js";
import { baseBrief, baseSite, generatedCatalog, HOSTILE, hostileCatalog } from "../../fixtures/catalog.js";
import {
  NEWS_SITEMAP_SCHEMA,
  SITEINDEX_SCHEMA,
  SITEMAP_SCHEMA,
  xmllint,
} from "../../support/feed-validators.js";
import { testApp } from "../../support/test-app.js";

const BASE = "https://briefs.example.com";

/** GET `path` on `app`; the body as text. */
async function get(app: ReturnType<typeof testApp>, path: string, headers: Record<string, string> = {}) {
  const response = await app.request(`${BASE}${path}`, { headers });
  return { response, text: await response.text() };
}

/** The text of every `<name>` element of `xml`, in order. */
const elements = (xml: string, name: string) =>
  [...xml.matchAll(new RegExp(`<${name}>([^<]*)</${name}>`, "g"))].map((match) => match[1] as string);

/** The path of each child the index lists. */
const childPaths = (index: string) => elements(index, "loc").map((loc) => new URL(loc).pathname);

describe("sitemaps of the seed content", () => {
  let app: ReturnType<typeof testApp>;
  let base: string;
  beforeAll(async () => {
    const catalog = await loadCatalog("content");
    app = testApp(catalog);
    base = catalog.site.baseUrl;
  });

  test("the index validates against siteindex.xsd and each child against sitemap.xsd", async () => {
    const index = await get(app, "/sitemap.xml");
    expect(index.response.status).toBe(200);
    expect(index.response.headers.get("content-type")).toBe("application/xml; charset=utf-8");
    expect(await xmllint(index.text, SITEINDEX_SCHEMA)).toBe("");
    const children = childPaths(index.text);
    expect(children).toEqual(["/sitemaps/pages-1.xml", "/sitemaps/briefs-1.xml"]);
    const locs: string[] = [];
    for (const path of children) {
      const child = await get(app, path);
      expect(child.response.status, path).toBe(200);
      expect(await xmllint(child.text, SITEMAP_SCHEMA), path).toBe("");
      locs.push(...elements(child.text, "loc"));
    }
    expect(locs).toContain(`${base}/`);
    expect(locs).toContain(`${base}/briefs/microsoft-employes-contrats-police`);
    expect(locs.some((loc) => loc.startsWith(`${base}/tags/`))).toBe(true);
  });

  test("the news sitemap validates against sitemap.xsd with the Google News schema", async () => {
    const news = await get(app, "/sitemap-news.xml");
    expect(news.response.headers.get("content-type")).toBe("application/xml; charset=utf-8");
    expect(await xmllint(news.text, NEWS_SITEMAP_SCHEMA)).toBe("");
    expect(elements(news.text, "loc")).toEqual([`${base}/briefs/microsoft-employes-contrats-police`]);
  });
});

describe("sitemaps of more than 50,000 URLs", () => {
  // 50,500 briefs, 3 tag pages and the front page.
  const app = testApp(generatedCatalog(50_500));

  test("the index lists a page sitemap and two brief sitemaps of at most 50,000 URLs, each valid", async () => {
    const index = await get(app, "/sitemap.xml");
    expect(await xmllint(index.text, SITEINDEX_SCHEMA)).toBe("");
    const children = childPaths(index.text);
    expect(children).toEqual(["/sitemaps/pages-1.xml", "/sitemaps/briefs-1.xml", "/sitemaps/briefs-2.xml"]);
    const counts: number[] = [];
    for (const path of children) {
      const child = await get(app, path);
      expect(await xmllint(child.text, SITEMAP_SCHEMA), path).toBe("");
      counts.push(elements(child.text, "loc").length);
    }
    expect(counts).toEqual([4, 50_000, 500]);
  });

  test("brief sitemaps run from the oldest brief, dated by its last change, and the index by its newest", async () => {
    const first = (await get(app, "/sitemaps/briefs-1.xml")).text;
    expect(elements(first, "loc")[0]).toBe(`${BASE}/briefs/brief-0001`);
    const last = (await get(app, "/sitemaps/briefs-2.xml")).text;
    expect(elements(last, "loc").at(-1)).toBe(`${BASE}/briefs/brief-50500`);
    expect(elements(last, "lastmod").at(-1)).toBe("2021-01-01T07:30:00Z");
    const index = (await get(app, "/sitemap.xml")).text;
    expect(elements(index, "lastmod")).toEqual([
      "2021-01-01T07:30:00Z",
      elements(first, "lastmod").at(-1),
      "2021-01-01T07:30:00Z",
    ]);
  });

  test("the news sitemap holds the briefs of the newest brief's 48 hours: one a day makes three", async () => {
    const news = (await get(app, "/sitemap-news.xml")).text;
    expect(await xmllint(news, NEWS_SITEMAP_SCHEMA)).toBe("");
    expect(elements(news, "loc")).toEqual([50_500, 50_499, 50_498].map((n) => `${BASE}/briefs/brief-${n}`));
  });
});

describe("the news sitemap", () => {
  /** `count` briefs, one a minute, newest first. */
  const minutely = (count: number): Catalog => ({
    site: baseSite,
    briefs: Array.from({ length: count }, (_, i) => ({
      ...baseBrief,
      id: `minute-${count - i}`,
      title: `Minute ${count - i}`,
      lang: i % 2 ? "fr" : "en-GB",
      published: new Date(Date.UTC(2024, 4, 2) - i * 60_000).toISOString(),
    })),
  });

  test("gives each entry its publication, language, date and title", async () => {
    const news = (await get(testApp(minutely(2)), "/sitemap-news.xml")).text;
    expect(news).toContain('xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"');
    expect(elements(news, "news:name")).toEqual(["Clubic", "Clubic"]);
    expect(elements(news, "news:language")).toEqual(["en", "fr"]);
    expect(elements(news, "news:publication_date")).toEqual(["2024-05-02T00:00:00Z", "2024-05-01T23:59:00Z"]);
    expect(elements(news, "news:title")).toEqual(["Minute 2", "Minute 1"]);
  });

  test("lists at most 1,000 briefs, the newest", async () => {
    const news = (await get(testApp(minutely(1_200)), "/sitemap-news.xml")).text;
    expect(await xmllint(news, NEWS_SITEMAP_SCHEMA)).toBe("");
    const locs = elements(news, "loc");
    expect(locs).toHaveLength(1_000);
    expect(locs[0]).toBe(`${BASE}/briefs/minute-1200`);
    expect(locs.at(-1)).toBe(`${BASE}/briefs/minute-201`);
  });

  test("is an empty urlset without briefs, and the index still lists the front page", async () => {
    const app = testApp({ site: baseSite, briefs: [] });
    const news = (await get(app, "/sitemap-news.xml")).text;
    // sitemap.xsd wants one url at least, so an empty urlset is checked for well-formedness only.
    expect(await xmllint(news)).toBe("");
    expect(news).toMatch(/<urlset [^>]*>\n<\/urlset>\n$/);
    const index = (await get(app, "/sitemap.xml")).text;
    expect(await xmllint(index, SITEINDEX_SCHEMA)).toBe("");
    const pages = (await get(app, "/sitemaps/pages-1.xml")).text;
    expect(await xmllint(pages, SITEMAP_SCHEMA)).toBe("");
    expect(elements(pages, "loc")).toEqual([`${BASE}/`]);
  });

  test("escapes hostile titles and publisher names", async () => {
    const catalog = hostileCatalog();
    const app = testApp({ ...catalog, site: { ...catalog.site, publisher: { name: HOSTILE, url: BASE } } });
    const news = (await get(app, "/sitemap-news.xml")).text;
    expect(await xmllint(news, NEWS_SITEMAP_SCHEMA)).toBe("");
    expect(news).not.toContain("<script>");
    expect(news).toContain("AT&amp;T &lt;vs&gt;");
  });
});

describe("robots.txt", () => {
  test("allows every path and lists both sitemaps under the public base URL", async () => {
    const { response, text } = await get(testApp(generatedCatalog(3)), "/robots.txt");
    expect(response.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(text.split("\n")).toEqual([
      "User-agent: *",
      "Allow: /",
      "",
      `Sitemap: ${BASE}/sitemap.xml`,
      `Sitemap: ${BASE}/sitemap-news.xml`,
      "",
    ]);
  });
});

describe("sitemap responses", () => {
  const app = testApp(generatedCatalog(45));
  const PATHS = [
    "/sitemap.xml",
    "/sitemaps/pages-1.xml",
    "/sitemaps/briefs-1.xml",
    "/sitemap-news.xml",
    "/robots.txt",
  ];

  test.each(PATHS)("%s answers 304 to its own ETag, with its cache lifetime", async (path) => {
    const first = await get(app, path);
    expect(first.response.headers.get("cache-control")).toContain("max-age=300");
    const etag = first.response.headers.get("etag") ?? "";
    expect(etag).toMatch(/^"[\w-]{27}"$/);
    const again = await get(app, path, { "If-None-Match": etag });
    expect(again.response.status).toBe(304);
    expect(again.text).toBe("");
  });

  test("a child sitemap is sent gzipped when accepted", async () => {
    const response = await app.request(`${BASE}/sitemaps/briefs-1.xml`, {
      headers: { "Accept-Encoding": "gzip" },
    });
    expect(response.headers.get("content-encoding")).toBe("gzip");
    const text = gunzipSync(new Uint8Array(await response.arrayBuffer())).toString();
    expect(elements(text, "loc")).toHaveLength(45);
  });

  test.each(["/sitemaps/briefs-9.xml", "/sitemaps/pages-1", "/sitemaps/%3Cscript%3E.xml"])(
    "%s is a 404 that does not echo the address",
    async (path) => {
      const { response, text } = await get(app, path);
      expect(response.status).toBe(404);
      // The address never comes back as markup (a page route's 404 is the HTML error page, which may show it escaped).
      expect(text).not.toContain("<script>");
    },
  );

  test("a POST is a 405", async () => {
    const response = await app.request(`${BASE}/sitemap.xml`, { method: "POST" });
    expect(response.status).toBe(405);
  });
});

import { describe, expect, test } from "vitest";
import { allSections } from "../../../functions/all-sections.js";
import { createApp } from "../../../functions/app.js";
import { Content } from "../../../functions/catalog/content.js";
import { quoted } from "../../../functions/http-errors.js";
import { generatedCatalog } from "../../fixtures/catalog.js";
import { WIDGET_SCRIPT } from "../../support/test-app.js";
import { storeOf } from "../../support/test-content.js";

const WITHDRAWN = "brief-withdrawn";
const appFor = (lang: string) =>
  createApp(new Content(storeOf(generatedCatalog(3, { lang }), [WITHDRAWN])), allSections(WIDGET_SCRIPT), {
    logger: { log() {} },
  });
const french = appFor("fr");
const english = appFor("en");
const get = (path: string, init?: RequestInit, app = french) =>
  app.request(`https://briefs.example.com${path}`, init);

const HOSTILE = [
  "/briefs/<script>alert(1)</script>",
  "/briefs/%3Cscript%3Ealert(1)%3C%2Fscript%3E",
  "/briefs/%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E",
  "/tags/%22%27%3Cb%3E",
  `/briefs/${"%22x".repeat(2000)}`,
  "/nowhere/%3Csvg%20onload%3Dalert(1)%3E",
];

describe("error pages", () => {
  test.each(["/nope", "/briefs/nope", "/tags/nope", "/embed/nope", "/briefs/", "/feed.xml/"])(
    "%s answers 404 with an HTML page in the site's language",
    async (path) => {
      const response = await get(path);
      expect(response.status).toBe(404);
      expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
      expect(response.headers.get("cache-control")).toBe("no-store");
      const page = await response.text();
      expect(page).toContain('<html lang="fr">');
      expect(page).toContain("<h1>Cette page n’existe pas</h1>");
      expect(page).toContain('href="https://briefs.example.com/"');
      expect(page).toContain('href="https://briefs.example.com/feed.xml"');
      expect(page).toContain('<meta name="robots" content="noindex">');
    },
  );

  test("an English site gets the page in English", async () => {
    const page = await (await get("/briefs/nope", undefined, english)).text();
    expect(page).toContain('<html lang="en">');
    expect(page).toContain("<h1>This page does not exist</h1>");
  });

  test.each(["/briefs", "/embed"])(
    "a withdrawn brief answers 410 at %s/{id}, cached an hour, a day by CDNs",
    async (base) => {
      const response = await get(`${base}/${WITHDRAWN}`);
      expect(response.status).toBe(410);
      expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
      expect(response.headers.get("cache-control")).toBe("public, max-age=3600, s-maxage=86400");
      expect(await response.text()).toContain("<h1>Cette brève a été retirée</h1>");
    },
  );

  test("HEAD of a missing page answers the same status and type with no body", async () => {
    const response = await get("/briefs/nope", { method: "HEAD" });
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(await response.text()).toBe("");
  });
});

describe("other families keep their error shapes", () => {
  test("the API answers JSON, 410 included", async () => {
    const missing = await get("/api/briefs/nope");
    expect(missing.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(await missing.json()).toMatchObject({ error: "not_found" });
    const gone = await get(`/api/briefs/${WITHDRAWN}`);
    expect(gone.status).toBe(410);
    expect(await gone.json()).toMatchObject({ error: "gone" });
  });

  test.each([
    "/tags/nope/feed.xml",
    "/archive/999/atom.xml",
    "/tags/nope/feed.json",
    "/widget/news-brief.0.js",
  ])("%s answers 404 in plain text", async (path) => {
    const response = await get(path);
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(await response.text()).toMatch(/^404 /);
  });

  test("405 keeps Allow, 400 its message and 503 its Retry-After", async () => {
    const post = await get("/briefs/nope", { method: "POST" });
    expect(post.status).toBe(405);
    expect(post.headers.get("allow")).toBe("GET, HEAD");
    const bad = await get("/api/briefs?limit=banana");
    expect(bad.status).toBe(400);
    expect((await bad.json()).message).toMatch(/limit/);
  });
});

describe("no answer echoes the request unescaped", () => {
  test.each(HOSTILE.map((path) => [path.slice(0, 60), path]))(
    "the page for %s shows the path as text, clipped",
    async (_, path) => {
      const page = await (await get(path)).text();
      const main = page.slice(page.indexOf("<main>"), page.indexOf("</main>"));
      expect(main).not.toMatch(/<(?:script|img|svg|b)\b/);
      const shown = /<code>([^<]*)<\/code>/.exec(main)?.[1];
      expect(shown).toBeDefined();
      expect(shown).not.toMatch(/["'<>]/);
      expect(shown?.length).toBeLessThan(1000);
      expect(main.length).toBeLessThan(1500);
    },
  );

  test("the hostile text is escaped, not dropped, in the page", async () => {
    const page = await (await get("/briefs/%3Cscript%3Ealert(1)%3C%2Fscript%3E")).text();
    expect(page).toContain("<code>/briefs/&lt;script&gt;alert(1)&lt;/script&gt;</code>");
  });

  test.each([
    "/api/briefs/%3Cscript%3E%22",
    `/api/briefs/${"y".repeat(5000)}`,
    "/api/briefs/%0D%0Aset-cookie",
  ])("the API message for %s quotes only safe characters, clipped", async (path) => {
    const { message } = (await (await get(path)).json()) as { message: string };
    expect(message).not.toMatch(/[<>'\r\n]|"[^"]*"[^.]/);
    expect(message.length).toBeLessThan(140);
  });

  test("the oEmbed message quotes only safe characters", async () => {
    const url = encodeURIComponent('https://briefs.example.com/briefs/"><script>');
    const text = await (await get(`/oembed?url=${url}`)).text();
    expect(text).toMatch(/^404 /);
    expect(text).not.toMatch(/[<>"]/);
  });
});

describe("X-Content-Type-Options", () => {
  test.each([
    "/",
    "/briefs/brief-0003",
    "/tags/microsoft",
    "/embed/brief-0003",
    "/feed.xml",
    "/feed.xsl",
    "/api/briefs",
    "/widget/news-brief.js",
    "/oembed?url=https%3A%2F%2Fbriefs.example.com%2Fbriefs%2Fbrief-0003",
    "/nope",
    "/api/nope",
    "/feed.json/nope",
    `/briefs/${WITHDRAWN}`,
  ])("is nosniff on %s", async (path) => {
    expect((await get(path)).headers.get("x-content-type-options")).toBe("nosniff");
  });

  test("is nosniff on a 304 and a 405", async () => {
    const first = await get("/feed.xml");
    const again = await get("/feed.xml", { headers: { "If-None-Match": first.headers.get("etag") ?? "" } });
    expect(again.status).toBe(304);
    expect(again.headers.get("x-content-type-options")).toBe("nosniff");
    expect((await get("/", { method: "DELETE" })).headers.get("x-content-type-options")).toBe("nosniff");
  });
});

describe("quoted", () => {
  test("keeps letters, digits and URL punctuation, accents included", () => {
    expect(quoted("café-2024_v1.html?x=1&y=%20")).toBe("café-2024_v1.html?x=1&y=%20");
  });

  test("replaces markup, quotes, spaces and line breaks, and clips", () => {
    const R = "\uFFFD";
    expect(quoted('<b a="1">\r\n')).toBe(`${R}b${R}a=${R}1${R}${R}${R}${R}`);
    expect(quoted("z".repeat(200))).toBe(`${"z".repeat(80)}…`);
  });
});

describe("messages about a bad query quote it safely", () => {
  test.each([
    ["/api/briefs?limit=%3Cscript%3E%22", "limit"],
    ["/oembed?url=javascript%3A%3Cscript%3E%22", "url"],
    ["/oembed?url=https%3A%2F%2Fbriefs.example.com%2Fbriefs%2Fbrief-0003&maxwidth=%3Cb%3E", "maxwidth"],
    ["/oembed?url=https%3A%2F%2Fbriefs.example.com%2Fbriefs%2Fbrief-0003&format=%3Cb%3E%22", "format"],
  ])("%s", async (path, name) => {
    const text = await (await get(path)).text();
    const message = path.startsWith("/api/") ? (JSON.parse(text) as { message: string }).message : text;
    expect(message).toContain(name);
    expect(message).not.toMatch(/<|>|"[^"]*"[^.\s]/);
  });
});

import { describe, expect, test } from "vitest";
import { Links } from "../../../functions/links.js";
import { oembedDiscovery } from "../../../functions/oembed/oembed-links.js";
import { CACHE_AGE, DEFAULT_HEIGHT, DEFAULT_WIDTH } from "../../../functions/oembed/oembed-response.js";
import { baseBrief, generatedCatalog, HOSTILE, hostileCatalog } from "../../fixtures/catalog.js";
import { xmllint } from "../../support/feed-validators.js";
import { htmlText } from "../../support/html-text.js";
import { oembedApp } from "./support/oembed-app.js";

const BASE = "https://briefs.example.com";
const PAGE = `${BASE}/briefs/premier-brief`;
const app = oembedApp({ ...generatedCatalog(3), briefs: [{ ...baseBrief }, ...generatedCatalog(3).briefs] });
const hostile = oembedApp(hostileCatalog());

const oembed = (query: Record<string, string>, on = app, init?: RequestInit) =>
  on.request(`${BASE}/oembed?${new URLSearchParams(query)}`, init);
const json = async (query: Record<string, string>, on = app) =>
  (await (await oembed(query, on)).json()) as Record<string, unknown>;

/** The fields of an `<oembed>` document, decoded as a parser would. */
function xmlFields(xml: string): Record<string, string> {
  const body = /<oembed>([\s\S]*)<\/oembed>/.exec(xml)?.[1] ?? "";
  return Object.fromEntries(
    [...body.matchAll(/<([a-z_]+)>([^<]*)<\/\1>/g)].map(([, k, v]) => [k, htmlText(v ?? "")]),
  );
}

describe("GET /oembed as JSON", () => {
  test("answers a rich oEmbed 1.0 response for a brief page", async () => {
    const response = await oembed({ url: PAGE, format: "json" });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(await response.json()).toEqual({
      version: "1.0",
      type: "rich",
      title: "Un titre",
      author_name: "Clubic",
      provider_name: "Briefs",
      provider_url: `${BASE}/`,
      cache_age: CACHE_AGE,
      html: `<blockquote lang="fr"><a href="${PAGE}">Un titre</a></blockquote><iframe src="${BASE}/embed/premier-brief" width="${DEFAULT_WIDTH}" height="${DEFAULT_HEIGHT}" title="Un titre" loading="lazy" sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation" frameborder="0"></iframe>`,
      width: DEFAULT_WIDTH,
      height: DEFAULT_HEIGHT,
    });
  });

  test("answers JSON when format is absent", async () => {
    const response = await oembed({ url: PAGE });
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(((await response.json()) as { type: string }).type).toBe("rich");
  });

  test.each([
    `http://briefs.example.com/briefs/premier-brief`,
    `${PAGE}/`,
    `http://BRIEFS.example.com/briefs/premier-brief/`,
    `${PAGE}?utm_source=cms#top`,
  ])("accepts the variant %s of the brief page's address", async (url) => {
    expect((await json({ url })).title).toBe("Un titre");
  });

  test("honours maxwidth and maxheight below the defaults, and never exceeds them", async () => {
    const small = await json({ url: PAGE, maxwidth: "320", maxheight: "240" });
    expect([small.width, small.height]).toEqual([320, 240]);
    expect(small.html).toContain('width="320" height="240"');
    const large = await json({ url: PAGE, maxwidth: "2000", maxheight: "5000" });
    expect([large.width, large.height]).toEqual([DEFAULT_WIDTH, DEFAULT_HEIGHT]);
  });

  test("carries hostile text as text, and the link's text and the iframe's title attribute decode to it", async () => {
    const body = await json({ url: `${BASE}/briefs/hostile` }, hostile);
    expect(body.title).toBe(HOSTILE);
    expect(body.author_name).toBe(HOSTILE);
    expect(body.provider_name).toBe(HOSTILE);
    const html = String(body.html);
    expect(html.match(/</g)).toHaveLength(6);
    expect(html).not.toContain("<script");
    expect(htmlText(/<a [^>]*>([^<]*)<\/a>/.exec(html)?.[1] ?? "")).toBe(HOSTILE);
    expect(htmlText(/ title="([^"]*)"/.exec(html)?.[1] ?? "")).toBe(HOSTILE);
  });

  test("sends validators and answers 304 to a matching If-None-Match", async () => {
    const first = await oembed({ url: PAGE });
    const etag = first.headers.get("etag") ?? "";
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers.get("cache-control")).toMatch(/max-age=\d+/);
    const again = await oembed({ url: PAGE }, app, { headers: { "If-None-Match": etag } });
    expect(again.status).toBe(304);
    const other = await oembed({ url: PAGE, maxwidth: "300" });
    expect(other.headers.get("etag")).not.toBe(etag);
  });

  test("is open to every origin", async () => {
    const response = await oembed({ url: PAGE }, app, { headers: { Origin: "https://cms.example.org" } });
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
  });
});

describe("GET /oembed as XML", () => {
  test("answers the same fields as JSON in an <oembed> document that xmllint accepts", async () => {
    const response = await oembed({ url: PAGE, format: "xml", maxwidth: "400" });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/xml; charset=utf-8");
    const xml = await response.text();
    expect(await xmllint(xml)).toBe("");
    const asJson = await json({ url: PAGE, maxwidth: "400" });
    expect(xmlFields(xml)).toEqual(
      Object.fromEntries(Object.entries(asJson).map(([k, v]) => [k, String(v)])),
    );
  });

  test("escapes hostile text into well-formed XML that reads back as the text", async () => {
    const xml = await (await oembed({ url: `${BASE}/briefs/hostile`, format: "xml" }, hostile)).text();
    expect(await xmllint(xml)).toBe("");
    const fields = xmlFields(xml);
    expect(fields.title).toBe(HOSTILE);
    expect(fields.provider_name).toBe(HOSTILE);
    expect(fields.html).toMatch(
      /^<blockquote [^<>]*><a [^<>]*>[^<>]*<\/a><\/blockquote><iframe [^<>]*><\/iframe>$/,
    );
    expect(xml).not.toContain("<script>");
  });
});

describe("GET /oembed refusals", () => {
  test.each([
    ["https://elsewhere.example.com/briefs/premier-brief", "another host"],
    ["https://briefs.example.com.evil.test/briefs/premier-brief", "a look-alike host"],
    ["https://briefs.example.com:8443/briefs/premier-brief", "another port"],
    [`${BASE}/briefs/inconnu`, "an unknown id"],
    [`${BASE}/`, "the front page"],
    [`${BASE}/api/briefs/premier-brief`, "the API address"],
    [`${BASE}/tags/premier-brief`, "a tag page"],
    [`${BASE}/briefs/premier-brief/extra`, "a deeper path"],
  ])("answers 404 for %s (%s)", async (url) => {
    for (const format of ["json", "xml"]) {
      const response = await oembed({ url, format });
      expect(response.status).toBe(404);
      expect(response.headers.get("cache-control")).toBe("no-store");
    }
  });

  test.each([
    [{}, "url is required"],
    [{ url: "" }, "url is required"],
    [{ url: "not a url" }, "absolute http(s)"],
    [{ url: "javascript:alert(1)" }, "absolute http(s)"],
    [{ url: "ftp://briefs.example.com/briefs/premier-brief" }, "absolute http(s)"],
    [{ url: PAGE, maxwidth: "0" }, "maxwidth must be"],
    [{ url: PAGE, maxwidth: "-5" }, "maxwidth must be"],
    [{ url: PAGE, maxwidth: "abc" }, "maxwidth must be"],
    [{ url: PAGE, maxwidth: "1e3" }, "maxwidth must be"],
    [{ url: PAGE, maxheight: "12.5" }, "maxheight must be"],
    [{ url: PAGE, maxheight: "" }, "maxheight must be"],
  ])("answers 400 to %j, saying what is wrong", async (query, message) => {
    const response = await oembed(query as Record<string, string>);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain(message);
  });

  test("answers 400 to a parameter sent twice, naming it", async () => {
    const response = await app.request(
      `${BASE}/oembed?url=${encodeURIComponent(PAGE)}&format=json&format=xml`,
    );
    expect(response.status).toBe(400);
    expect(await response.text()).toBe("400 format is given 2 times; send it once.\n");
  });

  test.each(["yaml", "JSON", "", "jsonp"])("answers 501 Not Implemented to format=%j", async (format) => {
    const response = await oembed({ url: PAGE, format });
    expect(response.status).toBe(501);
    expect(await response.text()).toContain("use format=json or format=xml");
  });

  test("answers 405 with an Allow header to POST", async () => {
    const response = await oembed({ url: PAGE }, app, { method: "POST" });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET, HEAD");
  });

  test("answers 200, 400, 404 or 501 and never 500, whatever the query", async () => {
    const values = [
      "%",
      "%E0%A4%A",
      "\u0000",
      "https://[::1]/briefs/x",
      "https://xn--/briefs/x",
      "a".repeat(5000),
    ];
    const names = ["url", "format", "maxwidth", "maxheight"];
    for (const name of names)
      for (const value of values) {
        const response = await app.request(`${BASE}/oembed?url=${encodeURIComponent(PAGE)}&${name}=${value}`);
        expect([200, 400, 404, 501], `${name}=${value.slice(0, 20)}`).toContain(response.status);
      }
  });
});

describe("the discovery links for a brief page", () => {
  test("name the endpoint for the page's address in JSON then XML, and each answers for that brief", async () => {
    const links = new Links(BASE);
    const head = String(await oembedDiscovery(links, "hostile", HOSTILE));
    const found = [...head.matchAll(/<link rel="alternate" type="([^"]+)" title="([^"]*)" href="([^"]+)">/g)];
    expect(found.map(([, type]) => type)).toEqual(["application/json+oembed", "text/xml+oembed"]);
    expect(head).not.toContain("<script>");
    for (const [, type, title, href] of found) {
      expect(htmlText(title ?? "")).toBe(HOSTILE);
      const url = new URL(htmlText(href ?? ""));
      expect(url.searchParams.get("url")).toBe(`${BASE}/briefs/hostile`);
      const response = await hostile.request(url.href);
      expect(response.status).toBe(200);
      const body = await response.text();
      expect(type === "text/xml+oembed" ? xmlFields(body).title : JSON.parse(body).title).toBe(HOSTILE);
    }
  });
});

// Every route's security headers, in process: nosniff on every answer, the CSP, referrer and frame rules of
// each kind of HTML page, one CORS policy, and no cookie, on 200s, HEAD, 304s, OPTIONS and errors alike.
import { createHash } from "node:crypto";
import { describe, expect, test } from "vitest";
import { allSections } from "../../../functions/all-sections.js";
import { createApp } from "../../../functions/app.js";
import { Content } from "../../../functions/catalog/content.js";
import { type ContentStore, StoreUnavailableError } from "../../../functions/store/content-store.js";
import { generatedCatalog } from "../../fixtures/catalog.js";
import { WIDGET_SCRIPT } from "../../support/test-app.js";
import { storeOf } from "../../support/test-content.js";

const BASE = "https://briefs.example.com";
const WITHDRAWN = "brief-withdrawn";
/** 45 briefs: archive pages for the site and a tag; the newest, brief-0045, has an image, a source and the tag Microsoft. */
const BRIEF = "brief-0045";
const quiet = { logger: { log() {} } };
const app = createApp(
  new Content(storeOf(generatedCatalog(45), [WITHDRAWN])),
  allSections(WIDGET_SCRIPT),
  quiet,
);
const request = (path: string, init?: RequestInit) => app.request(`${BASE}${path}`, init);

/** What an answer is: one of the site's kinds of HTML, or anything else (`none`). */
type Kind = "page" | "embed" | "framed-page" | "none";

interface Route {
  path: string;
  kind: Kind;
  /** Whether any origin may read it (CORS). */
  open: boolean;
}

const route = (path: string, kind: Kind, open: boolean): Route => ({ path, kind, open });

/** Every route of the app, each once. */
const ROUTES: Route[] = [
  route("/", "page", false),
  route(`/briefs/${BRIEF}`, "page", false),
  route("/tags/microsoft", "page", false),
  route(`/embed/${BRIEF}`, "embed", false),
  route("/feed.xml", "none", true),
  route("/atom.xml", "none", true),
  route("/feed.json", "none", true),
  route("/tags/microsoft/feed.xml", "none", true),
  route("/archive/1/atom.xml", "none", true),
  route("/tags/cloud/archive/1/feed.json", "none", true),
  route("/api/briefs", "none", true),
  route(`/api/briefs/${BRIEF}`, "none", true),
  route(`/oembed?url=${encodeURIComponent(`${BASE}/briefs/${BRIEF}`)}`, "none", true),
  route("/widget/news-brief.js", "none", true),
  route(`/widget/${WIDGET_SCRIPT.file}`, "none", true),
  route("/feed.xsl", "none", false),
  route("/sitemap.xml", "none", false),
  route("/sitemaps/pages-1.xml", "none", false),
  route("/sitemaps/briefs-1.xml", "none", false),
  route("/sitemap-news.xml", "none", false),
  route("/robots.txt", "none", false),
];

/** The error answers: HTML pages where a reader lands, JSON for the API, plain text for documents. */
const ERRORS: (Route & { status: number })[] = [
  { ...route("/no/such/page", "page", false), status: 404 },
  { ...route("/briefs/nope", "page", false), status: 404 },
  { ...route(`/briefs/${WITHDRAWN}`, "page", false), status: 410 },
  { ...route("/tags/nope", "page", false), status: 404 },
  { ...route("/embed/nope", "framed-page", false), status: 404 },
  { ...route(`/embed/${WITHDRAWN}`, "framed-page", false), status: 410 },
  { ...route("/api/briefs/nope", "none", true), status: 404 },
  { ...route("/api/briefs?limit=banana", "none", true), status: 400 },
  { ...route(`/api/briefs/${WITHDRAWN}`, "none", true), status: 410 },
  { ...route("/tags/nope/feed.xml", "none", true), status: 404 },
  { ...route("/archive/9/feed.json", "none", true), status: 404 },
  { ...route("/widget/news-brief.0000000000.js", "none", true), status: 404 },
  { ...route("/oembed?url=https%3A%2F%2Felsewhere.example%2F", "none", true), status: 404 },
  {
    ...route(`/oembed?url=${encodeURIComponent(`${BASE}/briefs/${BRIEF}`)}&format=yaml`, "none", true),
    status: 501,
  },
  { ...route("/sitemaps/nope.xml", "none", false), status: 404 },
  { ...route("/nope.txt", "none", false), status: 404 },
];

const hash = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;
const inner = (html: string, element: string) =>
  [...html.matchAll(new RegExp(`<${element}(?: [^>]*)?>([\\s\\S]*?)</${element}>`, "g"))].map(
    (m) => m[1] ?? "",
  );

/** The policy of the site's pages, with the hash of the one stylesheet they inline. */
const pagePolicy = (styleHash: string, frameAncestors: string) =>
  [
    "default-src 'none'",
    "script-src 'self'",
    `style-src ${styleHash}`,
    "img-src 'self' https: data:",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "object-src 'none'",
    `frame-ancestors ${frameAncestors}`,
  ].join("; ");

/** The CSP, referrer and framing headers an answer of `kind` must carry; `html` is that kind's page. */
function expectedHtmlHeaders(kind: Kind, html: string) {
  const [style = ""] = inner(html, "style");
  const policy = {
    page: pagePolicy(hash(style), "'none'"),
    "framed-page": pagePolicy(hash(style), "*"),
    embed: [
      "default-src 'none'",
      `script-src ${hash(inner(html, "script")[0] ?? "")}`,
      `style-src ${hash(style)}`,
      "base-uri 'none'",
      "form-action 'none'",
      "frame-ancestors *",
    ].join("; "),
    none: null,
  }[kind];
  return {
    "content-security-policy": policy,
    "referrer-policy": kind === "none" ? null : "strict-origin-when-cross-origin",
    "x-frame-options": kind === "page" ? "DENY" : null,
  };
}

const htmlHeaders = (response: Response) => ({
  "content-security-policy": response.headers.get("content-security-policy"),
  "referrer-policy": response.headers.get("referrer-policy"),
  "x-frame-options": response.headers.get("x-frame-options"),
});

/** nosniff, no cookie, and CORS for any origin exactly where `open`, never with credentials. */
function expectEveryAnswerHeaders(response: Response, open: boolean) {
  expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  expect(response.headers.get("set-cookie")).toBeNull();
  expect(response.headers.get("access-control-allow-origin")).toBe(open ? "*" : null);
  expect(response.headers.get("access-control-allow-credentials")).toBeNull();
}

/** The HTML of the page of `kind` that `path` answers, for the hashes its headers must name. */
const pageOf = async (path: string) => (await request(path)).text();

describe("every route", () => {
  test.each(ROUTES)(
    "GET $path: nosniff, no cookie, CORS only if open, and the headers of its kind",
    async (r) => {
      const response = await request(r.path);
      expect(response.status).toBe(200);
      expectEveryAnswerHeaders(response, r.open);
      expect(htmlHeaders(response)).toEqual(expectedHtmlHeaders(r.kind, await response.text()));
      expect(response.headers.get("content-type")?.startsWith("text/html")).toBe(r.kind !== "none");
    },
  );

  test.each(ROUTES)("HEAD $path: the same security headers as GET", async (r) => {
    const [head, get] = [await request(r.path, { method: "HEAD" }), await request(r.path)];
    expectEveryAnswerHeaders(head, r.open);
    expect(htmlHeaders(head)).toEqual(htmlHeaders(get));
  });

  test.each(ROUTES.filter((r) => r.path !== "/feed.xsl"))(
    "304 of $path: the same security headers, so a cached copy is not left without them",
    async (r) => {
      const get = await request(r.path);
      const etag = get.headers.get("etag") ?? "";
      const again = await request(r.path, { headers: { "If-None-Match": etag } });
      expect(again.status).toBe(304);
      expectEveryAnswerHeaders(again, r.open);
      expect(htmlHeaders(again)).toEqual(htmlHeaders(get));
    },
  );

  test.each(ROUTES.flatMap((r) => ["POST", "PUT", "DELETE"].map((method) => ({ ...r, method }))))(
    "$method $path: 405, nosniff, no cookie",
    async (r) => {
      const response = await request(r.path, { method: r.method, body: r.method === "DELETE" ? null : "x" });
      expect(response.status).toBe(405);
      expect(response.headers.get("allow")).toBe("GET, HEAD");
      expectEveryAnswerHeaders(response, r.open);
    },
  );
});

describe("CORS preflight", () => {
  const preflight = (path: string, method: string) =>
    request(path, {
      method: "OPTIONS",
      headers: {
        Origin: "https://partner.example",
        "Access-Control-Request-Method": method,
        "Access-Control-Request-Headers": "if-none-match",
      },
    });

  test.each(ROUTES.filter((r) => r.open).flatMap((r) => ["GET", "PUT", "DELETE"].map((m) => ({ ...r, m }))))(
    "OPTIONS $path asking $m: 204 allowing GET and HEAD only, without credentials",
    async (r) => {
      const response = await preflight(r.path, r.m);
      expect(response.status).toBe(204);
      expectEveryAnswerHeaders(response, true);
      expect(response.headers.get("access-control-allow-methods")).toBe("GET,HEAD");
      expect(response.headers.get("allow")).toBe("GET, HEAD");
      expect(response.headers.get("access-control-max-age")).toBe("86400");
      expect(await response.text()).toBe("");
    },
  );

  test.each(ROUTES.filter((r) => !r.open))(
    "OPTIONS $path: 405 without CORS headers, so another origin may not read it",
    async (r) => {
      const response = await preflight(r.path, "GET");
      expect(response.status).toBe(405);
      expectEveryAnswerHeaders(response, false);
      expect(response.headers.get("access-control-allow-methods")).toBeNull();
    },
  );
});

describe("error answers", () => {
  test.each(ERRORS)("$status $path: nosniff, no cookie, and the headers of its kind", async (r) => {
    const response = await request(r.path);
    expect(response.status).toBe(r.status);
    expectEveryAnswerHeaders(response, r.open);
    expect(htmlHeaders(response)).toEqual(expectedHtmlHeaders(r.kind, await response.text()));
  });

  test("503 when the store is down: nosniff and no cookie on every route", async () => {
    const down: ContentStore = {
      name: "down",
      get: () => Promise.reject(new StoreUnavailableError("the test's store is down")),
    };
    const failing = createApp(new Content(down), allSections(WIDGET_SCRIPT), quiet);
    for (const r of ROUTES.filter((r) => !r.path.startsWith("/widget/") && r.path !== "/feed.xsl")) {
      const response = await failing.request(`${BASE}${r.path}`);
      expect(response.status, r.path).toBe(503);
      expectEveryAnswerHeaders(response, r.open);
    }
  });
});

describe("what the HTML pages inline", () => {
  const PAGES = [
    "/",
    `/briefs/${BRIEF}`,
    "/tags/microsoft",
    "/no/such/page",
    `/briefs/${WITHDRAWN}`,
    "/embed/nope",
  ];

  test.each(PAGES)("%s: one inline style, which the CSP allows by its hash", async (path) => {
    const response = await request(path);
    const html = await response.text();
    const styles = inner(html, "style");
    expect(styles).toHaveLength(1);
    expect(response.headers.get("content-security-policy")).toContain(`style-src ${hash(styles[0] ?? "")};`);
  });

  test.each(PAGES)(
    "%s: no script runs but the site's own files; no handler, style attribute or javascript: URL",
    async (path) => {
      const html = await pageOf(path);
      for (const [tag, attributes = ""] of html.matchAll(/<script([^>]*)>/g)) {
        const src = /\bsrc="([^"]+)"/.exec(attributes)?.[1];
        if (src) expect(new URL(src).origin, tag).toBe(BASE);
        else expect(attributes, tag).toBe(' type="application/ld+json"');
      }
      expect(html).not.toMatch(/<[^>]+\son[a-z]+\s*=/i);
      expect(html).not.toMatch(/<[^>]+\sstyle\s*=/i);
      expect(html).not.toMatch(/javascript:/i);
    },
  );

  test("the front page loads its widget from this site's hashed /widget/ address", async () => {
    const html = await pageOf("/");
    expect(html).toContain(`<script type="module" src="${BASE}/widget/${WIDGET_SCRIPT.file}"></script>`);
  });

  test("a brief page shows its image from another https host, which img-src allows", async () => {
    const response = await request(`/briefs/${BRIEF}`);
    expect(await response.text()).toMatch(/<img src="https:\/\/img\.example\.com\/0\.jpg"/);
    expect(response.headers.get("content-security-policy")).toContain("img-src 'self' https: data:;");
  });
});

// The conformance suite every host runs on its real runtime: the same requests, compared byte for byte with
// the reference app (createApp over dist/, in this process). Hono's runtime-tests and Nitro's shared
// tests do the same; this one also checks validators, codings, HEAD and the error answers.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import type { Hono } from "hono";
import { beforeAll, describe, expect, test } from "vitest";
import { allSections } from "../../../functions/all-sections.js";
import { createApp } from "../../../functions/app.js";
import { Content } from "../../../functions/catalog/content.js";
import { FileStore } from "../../../functions/store/file-store.js";
import { PROJECT_ROOT } from "../../serverless/support/offline-process.js";
import { type HostUnderTest, NotCarriedError, type RawResponse } from "./host-under-test.js";
import { hostileCorpus } from "./hostile-corpus.js";

/** The base URL every host under test is given as PUBLIC_BASE_URL. */
export const CONFORMANCE_BASE_URL = "https://briefs.example.com";

/** The environment every host under test gets: the bundled store and the base URL. */
export const CONFORMANCE_ENV = { PUBLIC_BASE_URL: CONFORMANCE_BASE_URL, NEWS_BRIEF_CONTENT: "bundled" };

/** The seed brief, its tag's slug. */
const SEED = "microsoft-employes-contrats-police";
const TAG = "microsoft";

/** Headers of an answer's security: who may read it and how, and what a browser may do with it. */
const SECURITY_HEADERS = [
  "access-control-allow-origin",
  "access-control-allow-methods",
  "access-control-allow-credentials",
  "allow",
  "content-security-policy",
  "referrer-policy",
  "x-frame-options",
  "x-content-type-options",
  "set-cookie",
];

/** Headers that must be the same as the reference app's: the representation, its caching and its security. */
const SAME_HEADERS = [
  "content-type",
  "cache-control",
  "etag",
  "last-modified",
  "vary",
  "content-encoding",
  ...SECURITY_HEADERS,
];

/** Answers of the app in this process, from the build in dist/. */
function referenceApp(): Hono {
  const dist = join(PROJECT_ROOT, "dist");
  const text = readFileSync(join(dist, "widget/news-brief.js"), "utf8");
  const file = JSON.parse(readFileSync(join(dist, "widget/manifest.json"), "utf8"))["news-brief.js"];
  const content = new Content(new FileStore(join(dist, "store")));
  return createApp(content, allSections({ text, file }), { baseUrl: CONFORMANCE_BASE_URL });
}

async function referenceAnswer(app: Hono, path: string, init: RequestInit = {}): Promise<RawResponse> {
  const response = await app.request(`${CONFORMANCE_BASE_URL}${path}`, init);
  return {
    status: response.status,
    headers: response.headers,
    body: new Uint8Array(await response.arrayBuffer()),
  };
}

function headersOf(response: RawResponse): Record<string, string | null> {
  const headers = Object.fromEntries(SAME_HEADERS.map((name) => [name, response.headers.get(name)]));
  // Vary is a set of header names (RFC 9110 §12.5.5): a server in front may add one it already holds, in
  // another case (serverless-offline's hapi adds its own accept-encoding), which changes nothing.
  if (headers.vary)
    headers.vary = [...new Set(headers.vary.toLowerCase().split(/\s*,\s*/))].sort().join(", ");
  return headers;
}

/**
 * The body as text, decoded from its content coding. Compressed bytes are compared after decoding: gzip output
 * is not canonical, and Deno and Bun ship another zlib than Node's, whose level-9 bytes differ (both valid).
 */
function decodedText(response: RawResponse): string {
  const coding = response.headers.get("content-encoding");
  const body = Buffer.from(response.body);
  const plain = coding === "br" ? brotliDecompressSync(body) : coding === "gzip" ? gunzipSync(body) : body;
  return plain.toString("utf8");
}

/** What sets one host apart, where the suite must allow for it. */
export interface ConformanceOptions {
  /**
   * The runtime has no compression (no node:zlib: Vercel Edge) and the platform's edge compresses instead,
   * by Accept-Encoding. The app then sends identity to every client, as the reference app does for
   * `Accept-Encoding: identity`, and keeps `Vary: Accept-Encoding` so the edge caches each coding apart.
   */
  platformCompresses?: boolean;
  /**
   * The emulator adds a Content-Type to 304 answers that the app did not send (serverless-offline's hapi;
   * API Gateway does not, and the handler's own 304 is checked without it in tests/functions/adapters/).
   */
  contentTypeOn304?: boolean;
  /**
   * The emulator adds `Vary: accept-encoding` to a body it could compress itself though the app sent no
   * Vary (serverless-offline's hapi, on the HTML error pages; API Gateway does not).
   */
  varyOnUncompressed?: boolean;
}

/** Registers the suite for `host`, started once before it and stopped after. */
export function conformance(
  host: string,
  start: () => Promise<HostUnderTest>,
  options: ConformanceOptions = {},
): void {
  describe(`${host}: the conformance suite`, () => {
    let subject: HostUnderTest;
    let reference: Hono;

    beforeAll(async () => {
      reference = referenceApp();
      subject = await start();
      return () => subject.stop();
    }, 90_000);

    const same = async (path: string, init: RequestInit = {}) => {
      const [actual, expected] = await Promise.all([
        subject.request(path, init),
        referenceAnswer(reference, path, init),
      ]);
      const headers = headersOf(actual);
      if (options.contentTypeOn304 && actual.status === 304) headers["content-type"] = null;
      const expectedHeaders = headersOf(expected);
      if (options.varyOnUncompressed && expectedHeaders.vary === null && headers.vary === "accept-encoding") {
        headers.vary = null;
      }
      expect({ status: actual.status, ...headers }).toEqual({ status: expected.status, ...expectedHeaders });
      expect(decodedText(actual)).toBe(decodedText(expected));
      return actual;
    };

    test.each([
      ["/feed.xml", "application/rss+xml; charset=utf-8"],
      ["/atom.xml", "application/atom+xml; charset=utf-8"],
      ["/feed.json", "application/feed+json; charset=utf-8"],
      [`/tags/${TAG}/feed.xml`, "application/rss+xml; charset=utf-8"],
      ["/api/briefs", "application/json; charset=utf-8"],
      [`/briefs/${SEED}`, "text/html; charset=utf-8"],
      ["/widget/news-brief.js", "text/javascript; charset=utf-8"],
    ])("GET %s answers as the reference app does (%s)", async (path, type) => {
      const answer = await same(path);
      expect(answer.status).toBe(200);
      expect(answer.headers.get("content-type")).toBe(type);
      expect(answer.body.byteLength).toBeGreaterThan(100);
    });

    test("serves the widget under its versioned name for a year, and 404 for any other version", async () => {
      const file = JSON.parse(readFileSync(join(PROJECT_ROOT, "dist/widget/manifest.json"), "utf8"))[
        "news-brief.js"
      ];
      const answer = await same(`/widget/${file}`);
      expect(answer.status).toBe(200);
      expect(answer.headers.get("cache-control")).toMatch(/max-age=31536000.*immutable/);
      expect((await same("/widget/news-brief.0000000000.js")).status).toBe(404);
    });

    test("links point at PUBLIC_BASE_URL, not at the host's own address", async () => {
      const feed = Buffer.from((await subject.request("/feed.json")).body).toString("utf8");
      expect(JSON.parse(feed).home_page_url).toBe(`${CONFORMANCE_BASE_URL}/`);
    });

    test.each(["/feed.xml", "/api/briefs"])(
      "If-None-Match with the ETag of %s answers 304, strong or weak",
      async (path) => {
        const etag = (await subject.request(path)).headers.get("etag");
        expect(etag).toMatch(/^"[^"]+"$/);
        for (const tag of [etag, `W/${etag}`]) {
          const answer = await same(path, { headers: { "If-None-Match": tag ?? "" } });
          expect(answer.status).toBe(304);
          expect(answer.body.byteLength).toBe(0);
        }
      },
    );

    // Only one of the two compression checks applies to a host: its app compresses, or its platform does.
    if (options.platformCompresses) {
      test.each(["br", "gzip"])(
        "sends identity when %s is asked, for the platform to compress, varying on Accept-Encoding",
        async (coding) => {
          const [actual, expected] = await Promise.all([
            subject.request("/feed.xml", { headers: { "Accept-Encoding": coding } }),
            referenceAnswer(reference, "/feed.xml", { headers: { "Accept-Encoding": "identity" } }),
          ]);
          expect({ status: actual.status, ...headersOf(actual) }).toEqual({
            status: expected.status,
            ...headersOf(expected),
          });
          expect(actual.headers.get("content-encoding")).toBeNull();
          expect(actual.headers.get("vary")).toMatch(/Accept-Encoding/);
          expect(Buffer.from(actual.body).equals(Buffer.from(expected.body))).toBe(true);
        },
      );
    } else {
      test.each([
        ["br", brotliDecompressSync],
        ["gzip", gunzipSync],
      ] as const)("sends %s when asked, and it decodes to the plain body", async (coding, decode) => {
        const plain = await subject.request("/feed.xml", { headers: { "Accept-Encoding": "identity" } });
        const encoded = await same("/feed.xml", { headers: { "Accept-Encoding": coding } });
        expect(encoded.headers.get("content-encoding")).toBe(coding);
        expect(encoded.body.byteLength).toBeLessThan(plain.body.byteLength);
        expect(Buffer.from(decode(encoded.body)).equals(Buffer.from(plain.body))).toBe(true);
      });
    }

    test("HEAD answers the GET's headers and no body", async () => {
      const head = await subject.request("/feed.xml", { method: "HEAD" });
      const get = await subject.request("/feed.xml");
      expect(head.status).toBe(200);
      expect(head.body.byteLength).toBe(0);
      expect(headersOf(head)).toEqual(headersOf(get));
    });

    test("an unknown path answers 404 with the error page", async () => {
      const answer = await same("/no/such/page");
      expect(answer.status).toBe(404);
      expect(answer.headers.get("content-type")).toBe("text/html; charset=utf-8");
      expect(Buffer.from(answer.body).toString("utf8")).toMatch(
        /<h1>(?:Cette page n’existe pas|This page does not exist)<\/h1>/,
      );
    });

    test("an unknown brief answers 404 from the API as JSON", async () => {
      const answer = await same("/api/briefs/no-such-brief");
      expect(answer.status).toBe(404);
      expect(JSON.parse(Buffer.from(answer.body).toString("utf8"))).toHaveProperty("error");
    });

    test("POST answers 405 with the methods allowed", async () => {
      const answer = await same("/feed.xml", {
        method: "POST",
        body: "x",
        headers: { "Content-Type": "text/plain" },
      });
      expect(answer.status).toBe(405);
      expect(answer.headers.get("allow")).toMatch(/GET/);
    });

    test("pages, the embed page, errors and 304s carry the reference app's security headers", async () => {
      const etag = (await subject.request("/")).headers.get("etag") ?? "";
      for (const [path, init] of [
        ["/", {}],
        ["/", { headers: { "If-None-Match": etag } }],
        [`/embed/${SEED}`, {}],
        ["/no/such/page", {}],
        ["/feed.json", {}],
        ["/sitemap.xml", {}],
      ] as const) {
        const answer = await same(path, init);
        expect(answer.headers.get("x-content-type-options"), path).toBe("nosniff");
        expect(answer.headers.get("set-cookie"), path).toBeNull();
      }
      expect((await subject.request("/")).headers.get("content-security-policy")).toMatch(
        /frame-ancestors 'none'$/,
      );
    });

    test("a preflight carries the reference app's security headers and allows GET and HEAD only", async ({
      skip,
    }) => {
      // A preflight for a PUT, without Origin: the app answers every origin alike, and serverless-offline (not
      // API Gateway) adds CORS headers of its own, credentials included, to a request that has one. Its
      // Content-Type, Cache-Control and Vary on a 204 are the emulator's too, so only the security headers count.
      const init = { method: "OPTIONS", headers: { "Access-Control-Request-Method": "PUT" } };
      const [preflight, expected] = await Promise.all([
        subject.request("/api/briefs", init).catch((error: unknown) => {
          if (error instanceof NotCarriedError) skip(error.message);
          throw error;
        }),
        referenceAnswer(reference, "/api/briefs", init),
      ]);
      const security = (answer: RawResponse) => ({
        status: answer.status,
        ...Object.fromEntries(SECURITY_HEADERS.map((name) => [name, answer.headers.get(name)])),
      });
      expect(security(preflight)).toEqual(security(expected));
      expect(preflight.headers.get("access-control-allow-methods")).toBe("GET,HEAD");
    });

    test("a bad query answers 400 with a message, never 500", async () => {
      const answer = await same("/api/briefs?limit=banana");
      expect(answer.status).toBe(400);
      expect(Buffer.from(answer.body).toString("utf8")).toMatch(/limit/);
    });

    hostileCorpus(host, () => subject);
  });
}

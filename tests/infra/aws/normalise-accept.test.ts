// The CloudFront Function that folds Accept before the feeds' cache key: run as CloudFront runs it, then the
// real app answers both the raw and the folded request. The same variant (status, type, ETag, Vary, body) for
// every Accept of the corpus means the CDN can never hand one variant to a client that asked for the other.
import { describe, expect, test } from "vitest";
import { generatedCatalog } from "../../fixtures/catalog.js";
import { testApp } from "../../support/test-app.js";
import { forwardedHeaders, loadCloudFrontFunction, viewerRequest } from "./cloudfront-function.js";

const normaliseAccept = loadCloudFrontFunction("infra/aws/normalise-accept.mjs");
const app = testApp(generatedCatalog(45));

/** Accept headers sent by browsers, feed readers, tools and careless clients. */
const ACCEPTS: Record<string, string | string[] | undefined> = {
  chrome:
    "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7",
  firefox: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
  safari: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
  "safari, subresource": "*/*",
  curl: "*/*",
  feedparser:
    "application/atom+xml,application/rdf+xml,application/rss+xml,application/x-netcdf,application/xml;q=0.9,text/xml;q=0.2,*/*;q=0.1",
  newsboat: "application/rss+xml,application/atom+xml,application/rdf+xml,application/xml;q=0.9,*/*;q=0.8",
  netnewswire:
    "application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, */*;q=0.8",
  feedly: "application/atom+xml,application/rss+xml,application/xml,text/xml,*/*;q=0.1",
  "json feed reader": "application/feed+json, application/json",
  empty: "",
  absent: undefined,
  "html refused with q=0": "text/html;q=0, application/rss+xml",
  "html at the lowest q": "application/rss+xml;q=1, text/html;q=0.001",
  "upper case": "TEXT/HTML",
  "xhtml only": "application/xhtml+xml",
  "html in a parameter": 'application/rss+xml; profile="text/html"',
  "sent twice, html second": ["application/rss+xml", "text/html"],
  "sent twice, no html": ["application/rss+xml", "*/*"],
  "odd q-values": "text/html;q=1.000;level=1, */*;q=.5, application/rss+xml;q=0.0001",
  garbage: ";;;,,q=abc, /, text/",
};

/** XML feeds (the paths the feed behaviours cover), and the JSON feed beside them. */
const FEEDS = [
  "/feed.xml",
  "/atom.xml",
  "/feed.json",
  "/tags/cloud/feed.xml",
  "/tags/microsoft/atom.xml",
  "/archive/1/feed.xml",
  "/tags/cloud/archive/1/atom.xml",
];

/** What tells one answer from another: everything a cache would hand over. */
async function variant(path: string, headers: Record<string, string>) {
  const response = await app.request(path, { headers: { "Accept-Encoding": "identity", ...headers } });
  return {
    status: response.status,
    type: response.headers.get("Content-Type"),
    etag: response.headers.get("ETag"),
    vary: response.headers.get("Vary"),
    body: await response.text(),
  };
}

describe("normalise-accept (CloudFront Function)", () => {
  test.each(Object.entries(ACCEPTS))(
    "folds Accept to the variant the feeds answer: %s",
    async (_, accept) => {
      for (const path of FEEDS) {
        const raw: Record<string, string | string[]> = accept === undefined ? {} : { Accept: accept };
        const folded = normaliseAccept({
          version: "1.0",
          context: { eventType: "viewer-request" },
          request: viewerRequest(path, raw),
        });
        // The origin sees repeated headers joined with commas, as API Gateway passes them to the function.
        const rawForwarded = forwardedHeaders(viewerRequest(path, raw));
        expect(await variant(path, forwardedHeaders(folded)), path).toEqual(
          await variant(path, rawForwarded),
        );
      }
    },
  );

  test("leaves the cache key two values at most: text/html, or no Accept at all", () => {
    const keys = new Set(
      Object.values(ACCEPTS).map((accept) => {
        const request = viewerRequest("/feed.xml", accept === undefined ? {} : { Accept: accept });
        const folded = normaliseAccept({ version: "1.0", context: { eventType: "viewer-request" }, request });
        return JSON.stringify(folded.headers.accept ?? null);
      }),
    );
    expect([...keys].sort()).toEqual(["null", '{"value":"text/html"}']);
  });

  test("gives browsers the styled XML view and feed readers the feed types", async () => {
    const fold = (accept: string) =>
      forwardedHeaders(
        normaliseAccept({
          version: "1.0",
          context: { eventType: "viewer-request" },
          request: viewerRequest("/feed.xml", { Accept: accept }),
        }),
      );
    expect((await variant("/feed.xml", fold(ACCEPTS.firefox as string))).type).toBe(
      "application/xml; charset=utf-8",
    );
    expect((await variant("/feed.xml", fold(ACCEPTS.newsboat as string))).type).toBe(
      "application/rss+xml; charset=utf-8",
    );
  });

  test("touches nothing but Accept", () => {
    const request = viewerRequest("/feed.xml", {
      Accept: "text/html",
      "Accept-Encoding": "br, gzip",
      "If-None-Match": '"abc"',
    });
    const folded = normaliseAccept({ version: "1.0", context: { eventType: "viewer-request" }, request });
    expect(forwardedHeaders(folded)).toEqual({
      accept: "text/html",
      "accept-encoding": "br, gzip",
      "if-none-match": '"abc"',
    });
    expect(folded.uri).toBe("/feed.xml");
  });
});

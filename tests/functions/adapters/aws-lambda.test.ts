// The Lambda host on the event shapes AWS really sends: API Gateway REST (v1), HTTP API (v2),
// Function URLs and ALB. Most cases run the bundles that ship (dist/, from `npm run build`).

import { readFile } from "node:fs/promises";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  type LambdaHandler,
  type LambdaResult,
  lambdaHandler,
} from "../../../functions/adapters/aws-lambda.js";
import { apiRoutes } from "../../../functions/routes/api.js";
import { feedRoutes } from "../../../functions/routes/feeds.js";
import { loadCatalog } from "../../../infra/content/load.js";
import { generatedCatalog } from "../../fixtures/catalog.js";
import { contentOf } from "../../support/test-content.js";
import {
  albBase,
  albMultiBase,
  functionUrlBase,
  httpEvent,
  lambdaContext,
  restEvent,
} from "./support/lambda-events.js";

type AwsHandler = LambdaHandler;

const SEED = "microsoft-employes-contrats-police";
const JSON_TYPE = /^application\/json(;|$)/;

async function bundle(name: "feeds" | "api" | "site", cacheKey = ""): Promise<AwsHandler> {
  const file = new URL(`../../../dist/functions/${name}/index.mjs${cacheKey}`, import.meta.url);
  const module: { handler: AwsHandler } = await import(file.href);
  return module.handler;
}

// The bundles read their log level as they load: these tests read the request lines, which the suite's
// default level (warn, in vitest.config.ts) leaves out.
process.env.NEWS_BRIEF_LOG_LEVEL = "info";
const feeds = await bundle("feeds");
const api = await bundle("api");
const site = await bundle("site");
const catalog = await loadCatalog("content");

function header(result: LambdaResult, name: string): string | undefined {
  return result.headers?.[name]?.toString() ?? result.multiValueHeaders?.[name]?.join(", ");
}

describe("REST API (v1) events", () => {
  it("answers the RSS feed as text with its media type", async () => {
    const result = await feeds(restEvent("GET", "/feed.xml"));
    expect(result.statusCode).toBe(200);
    expect(header(result, "content-type")).toBe("application/rss+xml; charset=utf-8");
    expect(result.isBase64Encoded).toBe(false);
    expect(result.body).toMatch(
      /^<\?xml version="1.0" encoding="utf-8"\?>(<\?xml-stylesheet [^>]*\?>)?\s*<rss /,
    );
  });

  it("answers in multiValueHeaders, the form the event came in", async () => {
    const result = await feeds(restEvent("GET", "/feed.xml"));
    expect(result.headers).toBeUndefined();
    expect(result.multiValueHeaders?.["cache-control"]).toEqual([
      expect.stringMatching(/^public, max-age=300/),
    ]);
  });

  it("answers 405 with an Allow header for POST on a REST v1 event, its base64 body decoded", async () => {
    const body = Buffer.from('{"title":"spam"}').toString("base64");
    const result = await api({ ...restEvent("POST", "/api/briefs"), body, isBase64Encoded: true });
    expect(result.statusCode).toBe(405);
    expect(header(result, "allow")).toBe("GET, HEAD");
    expect(JSON.parse(result.body)).toMatchObject({ error: "method_not_allowed" });
  });

  it("passes query parameters, accented ones included, to the API", async () => {
    const matching = await api(restEvent("GET", "/api/briefs", { tag: ["Éthique"], limit: ["1"] }));
    const other = await api(restEvent("GET", "/api/briefs", { tag: ["Sport"] }));
    expect(JSON.parse(matching.body).items.map((brief: { id: string }) => brief.id)).toEqual([SEED]);
    expect(JSON.parse(other.body).items).toEqual([]);
  });

  it("answers 400 with a JSON error for limit=abc", async () => {
    const result = await api(restEvent("GET", "/api/briefs", { limit: ["abc"] }));
    expect(result.statusCode).toBe(400);
    expect(header(result, "content-type")).toMatch(JSON_TYPE);
    expect(JSON.parse(result.body)).toEqual({
      error: "bad_request",
      message: expect.stringContaining('"abc"'),
    });
  });

  it("reads multi-value headers: a CORS preflight gets the requested headers back", async () => {
    const event = restEvent("OPTIONS", "/api/briefs");
    const result = await api({
      ...event,
      multiValueHeaders: {
        ...event.multiValueHeaders,
        Origin: ["https://partner.example"],
        "Access-Control-Request-Method": ["GET"],
        "Access-Control-Request-Headers": ["x-requested-with"],
      },
    });
    expect(result.statusCode).toBe(204);
    expect(header(result, "access-control-allow-origin")).toBe("*");
    expect(header(result, "access-control-allow-headers")).toBe("x-requested-with");
  });

  it("answers the 404 page showing an accented path, sent encoded or decoded", async () => {
    const encoded = await site(restEvent("GET", "/briefs/caf%C3%A9"));
    const decoded = await site(restEvent("GET", "/briefs/café"));
    for (const result of [encoded, decoded]) {
      expect(result.statusCode).toBe(404);
      expect(result.body).toContain("<code>/briefs/café</code>");
    }
  });
});

describe("HTTP API (v2) events", () => {
  it("answers the Atom feed with its media type", async () => {
    const result = await feeds(httpEvent("GET", "/atom.xml"));
    expect(result.statusCode).toBe(200);
    expect(result.headers?.["content-type"]).toBe("application/atom+xml; charset=utf-8");
    expect(result.body).toMatch(
      /^<\?xml[^>]*\?>(<\?xml-stylesheet [^>]*\?>)?\s*<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/,
    );
  });

  it("sends a Brotli body base64-encoded, as API Gateway requires for binary bodies", async () => {
    const plain = await feeds(httpEvent("GET", "/atom.xml"));
    const event = httpEvent("GET", "/atom.xml");
    const result = await feeds({ ...event, headers: { ...event.headers, "accept-encoding": "gzip, br" } });
    expect(result.headers?.["content-encoding"]).toBe("br");
    expect(result.isBase64Encoded).toBe(true);
    expect(brotliDecompressSync(Buffer.from(result.body, "base64")).toString("utf8")).toBe(plain.body);
  });

  it("answers 304 to the ETag it sent", async () => {
    const first = await feeds(httpEvent("GET", "/feed.json"));
    const event = httpEvent("GET", "/feed.json");
    const result = await feeds({
      ...event,
      headers: { ...event.headers, "if-none-match": String(first.headers?.etag) },
    });
    expect(result.statusCode).toBe(304);
    expect(result.body).toBe("");
    // No Content-Type on a 304: the conformance suite allows serverless-offline the one it adds.
    expect(result.headers?.["content-type"]).toBeUndefined();
  });

  it("answers the API list as JSON open to any origin, honouring limit=1", async () => {
    const result = await api(httpEvent("GET", "/api/briefs", "limit=1"));
    expect(result.statusCode).toBe(200);
    expect(result.headers?.["content-type"]).toMatch(JSON_TYPE);
    expect(result.headers?.["access-control-allow-origin"]).toBe("*");
    const page = JSON.parse(result.body);
    expect(page.items).toHaveLength(1);
    expect(page.items[0].id).toBe(SEED);
  });

  it("answers one brief as JSON open to any origin", async () => {
    const result = await api(httpEvent("GET", `/api/briefs/${SEED}`));
    expect(result.statusCode).toBe(200);
    expect(result.headers?.["access-control-allow-origin"]).toBe("*");
    expect(JSON.parse(result.body)).toMatchObject({ id: SEED, lang: "fr" });
  });

  it("answers 400 with a JSON error for limit=abc", async () => {
    const result = await api(httpEvent("GET", "/api/briefs", "limit=abc"));
    expect(result.statusCode).toBe(400);
    expect(JSON.parse(result.body)).toEqual({
      error: "bad_request",
      message: expect.stringContaining("limit"),
    });
  });

  it("answers the front page as HTML", async () => {
    const result = await site(httpEvent("GET", "/"));
    expect(result.statusCode).toBe(200);
    expect(result.headers?.["content-type"]).toMatch(/^text\/html; charset=utf-8$/i);
    expect(result.body).toMatch(/^<!doctype html>/i);
  });

  it("answers a brief page as HTML", async () => {
    const result = await site(httpEvent("GET", `/briefs/${SEED}`));
    expect(result.statusCode).toBe(200);
    expect(result.body).toContain("Plus de 250 employés de Microsoft");
  });

  it("answers the widget script as JavaScript loadable from any origin", async () => {
    const result = await site(httpEvent("GET", "/widget/news-brief.js"));
    expect(result.statusCode).toBe(200);
    expect(result.headers?.["content-type"]).toBe("text/javascript; charset=utf-8");
    expect(result.headers?.["access-control-allow-origin"]).toBe("*");
    expect(result.isBase64Encoded).toBe(false);
    expect(result.body.length).toBeGreaterThan(1000);
  });

  it("answers HEAD with 200, the headers of GET, and an empty body", async () => {
    const result = await feeds(httpEvent("HEAD", "/feed.json"));
    expect(result.statusCode).toBe(200);
    expect(result.headers?.["content-type"]).toBe("application/feed+json; charset=utf-8");
    expect(result.body).toBe("");
  });

  it("answers 405 with an Allow header for DELETE on a brief", async () => {
    const result = await api(httpEvent("DELETE", `/api/briefs/${SEED}`));
    expect(result.statusCode).toBe(405);
    expect(result.headers?.allow).toBe("GET, HEAD");
  });

  it("answers 404 from the app for a path the $default route sends to the site function", async () => {
    const result = await site(httpEvent("GET", "/wp-login.php"));
    expect(result.statusCode).toBe(404);
    expect(result.body).toContain("<h1>Cette page n’existe pas</h1>");
  });

  it("answers 404 for malformed percent-encoding instead of failing", async () => {
    const page = await site(httpEvent("GET", "/briefs/%E0%A4%A"));
    const brief = await api(httpEvent("GET", "/api/briefs/%"));
    expect(page.statusCode).toBe(404);
    expect(brief.statusCode).toBe(404);
    expect(JSON.parse(brief.body)).toMatchObject({ error: "not_found" });
  });

  it("answers an event that carries cookies, and sets none", async () => {
    const result = await site({ ...httpEvent("GET", "/"), cookies: ["consent=yes", "theme=dark"] });
    expect(result.statusCode).toBe(200);
    expect(result.cookies).toBeUndefined();
  });
});

describe("Lambda function URL events", () => {
  it("answers the JSON Feed with its media type", async () => {
    const result = await feeds(httpEvent("GET", "/feed.json", "", functionUrlBase));
    expect(result.statusCode).toBe(200);
    expect(result.headers?.["content-type"]).toBe("application/feed+json; charset=utf-8");
    expect(JSON.parse(result.body).version).toBe("https://jsonfeed.org/version/1.1");
  });

  it("answers 404 for a path of another function", async () => {
    const result = await feeds(httpEvent("GET", "/api/briefs", "", functionUrlBase));
    expect(result.statusCode).toBe(404);
    expect(JSON.parse(result.body)).toMatchObject({ error: "not_found" });
  });
});

describe("ALB events", () => {
  it("answers in headers when the target group sends single-value headers", async () => {
    const result = await api({ ...albBase, path: `/api/briefs/${SEED}` });
    expect(result.statusCode).toBe(200);
    expect(result.multiValueHeaders).toBeUndefined();
    expect(result.headers?.["content-type"]).toMatch(JSON_TYPE);
    expect(JSON.parse(result.body).id).toBe(SEED);
  });

  it("answers in multiValueHeaders when the target group sends multi-value headers", async () => {
    const result = await feeds({ ...albMultiBase, path: "/feed.xml" });
    expect(result.statusCode).toBe(200);
    expect(result.headers).toBeUndefined();
    expect(result.multiValueHeaders?.["content-type"]).toEqual(["application/rss+xml; charset=utf-8"]);
  });

  it("reads multi-value query parameters, which ALB leaves percent-encoded", async () => {
    const matching = await api({
      ...albMultiBase,
      path: "/api/briefs",
      multiValueQueryStringParameters: { tag: ["%C3%89thique"] },
    });
    const bad = await api({
      ...albMultiBase,
      path: "/api/briefs",
      multiValueQueryStringParameters: { limit: ["abc"] },
    });
    expect(JSON.parse(matching.body).items.map((brief: { id: string }) => brief.id)).toEqual([SEED]);
    expect(bad.statusCode).toBe(400);
  });

  it("reads multi-value headers: a CORS preflight gets the requested header back", async () => {
    const result = await api({
      ...albMultiBase,
      httpMethod: "OPTIONS",
      path: "/api/briefs",
      multiValueHeaders: {
        ...albMultiBase.multiValueHeaders,
        origin: ["https://partner.example"],
        "access-control-request-method": ["GET"],
        "access-control-request-headers": ["x-requested-with"],
      },
    });
    expect(result.statusCode).toBe(204);
    expect(result.multiValueHeaders?.["access-control-allow-headers"]).toEqual(["x-requested-with"]);
  });

  it("answers 405 with an Allow header for POST, its base64 body decoded", async () => {
    const body = Buffer.from("title=spam").toString("base64");
    const result = await feeds({
      ...albBase,
      httpMethod: "POST",
      path: "/feed.xml",
      body,
      isBase64Encoded: true,
    });
    expect(result.statusCode).toBe(405);
    expect(result.headers?.allow).toBe("GET, HEAD");
  });
});

describe("PUBLIC_BASE_URL", () => {
  const sourceApi = (): AwsHandler => lambdaHandler(contentOf(catalog), [apiRoutes]);

  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it("sets the base of the links the API writes", async () => {
    vi.stubEnv("PUBLIC_BASE_URL", "https://briefs.example.com/");
    const result = await sourceApi()(httpEvent("GET", `/api/briefs/${SEED}`));
    expect(JSON.parse(result.body).url).toBe(`https://briefs.example.com/briefs/${SEED}`);
  });

  it("is read by the shipped bundle when it loads", async () => {
    vi.stubEnv("PUBLIC_BASE_URL", "https://briefs.example.com");
    const freshApi = await bundle("api", "?PUBLIC_BASE_URL=set");
    const result = await freshApi(httpEvent("GET", `/api/briefs/${SEED}`));
    expect(JSON.parse(result.body).url).toBe(`https://briefs.example.com/briefs/${SEED}`);
  });

  it("counts as unset when empty, as serverless.yml passes it when the deployer sets none", async () => {
    vi.stubEnv("PUBLIC_BASE_URL", "");
    const result = await sourceApi()(httpEvent("GET", `/api/briefs/${SEED}`));
    expect(JSON.parse(result.body).url).toBe(`${catalog.site.baseUrl}/briefs/${SEED}`);
  });
});

describe("traps", () => {
  const withHeaders = <E extends { headers?: unknown }>(event: E, headers: Record<string, string>): E => ({
    ...event,
    headers: { ...(event.headers as object), ...headers },
  });
  const decode = { gzip: gunzipSync, br: brotliDecompressSync } as const;

  it.each([
    ["/feed.xml", "application/rss+xml; charset=utf-8"],
    ["/atom.xml", "application/atom+xml; charset=utf-8"],
    ["/feed.json", "application/feed+json; charset=utf-8"],
  ])("answers %s uncompressed as readable text, not base64", async (path, type) => {
    for (const result of [await feeds(httpEvent("GET", path)), await feeds(restEvent("GET", path))]) {
      expect(header(result, "content-type")).toBe(type);
      expect(header(result, "content-encoding")).toBeUndefined();
      expect(result.isBase64Encoded).toBe(false);
      expect(result.body).toContain("Plus de 250 employés de Microsoft");
    }
  });

  it.each([
    ["/feed.xml", "gzip"],
    ["/atom.xml", "br"],
    ["/feed.json", "gzip"],
    ["/feed.json", "br"],
    ["/widget/news-brief.js", "br"],
  ] as const)("answers %s in %s as base64 that decodes to the same bytes", async (path, coding) => {
    const handler = path.startsWith("/widget/") ? site : feeds;
    const plain = await handler(httpEvent("GET", path));
    const result = await handler(withHeaders(httpEvent("GET", path), { "accept-encoding": coding }));
    expect(result.headers?.["content-encoding"]).toBe(coding);
    expect(result.isBase64Encoded).toBe(true);
    expect(decode[coding](Buffer.from(result.body, "base64")).toString("utf8")).toBe(plain.body);
  });

  it.each([
    ["deflate", "br"],
    ["br", "deflate"],
  ])("reads repeated Accept-Encoding headers %s and %s of a REST v1 event as one list", async (a, b) => {
    const event = restEvent("GET", "/feed.json");
    const result = await feeds({
      ...event,
      multiValueHeaders: { ...event.multiValueHeaders, "Accept-Encoding": [a, b] },
    });
    expect(result.multiValueHeaders?.["content-encoding"]).toEqual(["br"]);
  });

  it.each([
    ["deflate", "br"],
    ["br", "deflate"],
  ])("reads repeated Accept-Encoding headers %s and %s of an ALB event as one list", async (a, b) => {
    const result = await feeds({
      ...albMultiBase,
      path: "/feed.json",
      multiValueHeaders: { ...albMultiBase.multiValueHeaders, "accept-encoding": [a, b] },
    });
    expect(result.multiValueHeaders?.["content-encoding"]).toEqual(["br"]);
  });

  it("reads repeated If-None-Match headers of an ALB event as one list", async () => {
    const etag = String((await feeds({ ...albBase, path: "/feed.json" })).headers?.etag);
    const result = await feeds({
      ...albMultiBase,
      path: "/feed.json",
      multiValueHeaders: { ...albMultiBase.multiValueHeaders, "if-none-match": ['"other"', etag] },
    });
    expect(result.statusCode).toBe(304);
  });

  it("answers an ALB event with two Cookie headers, and sets no cookie", async () => {
    const result = await site({
      ...albMultiBase,
      path: "/",
      multiValueHeaders: { ...albMultiBase.multiValueHeaders, cookie: ["consent=yes", "theme=dark"] },
    });
    expect(result.statusCode).toBe(200);
    expect(result.multiValueHeaders?.["set-cookie"]).toBeUndefined();
  });

  it("keeps the Vary and Link lists whole in every result shape", async () => {
    const hubbed = lambdaHandler(contentOf(generatedCatalog(3, { hub: "https://hub.example.com/" })), [
      feedRoutes,
    ]);
    const link = '<https://hub.example.com/>; rel="hub", <https://briefs.example.com/feed.xml>; rel="self"';
    const results = [
      await hubbed(httpEvent("GET", "/feed.xml")),
      await hubbed(restEvent("GET", "/feed.xml")),
      await hubbed({ ...albBase, path: "/feed.xml" }),
      await hubbed({ ...albMultiBase, path: "/feed.xml" }),
    ];
    for (const result of results) {
      expect(header(result, "vary")).toBe("Accept-Encoding, Accept");
      expect(header(result, "link")).toBe(link);
    }
  });

  it.each([
    ["HTTP API v2", () => httpEvent("HEAD", "/feed.xml")],
    ["REST v1", () => restEvent("HEAD", "/feed.xml")],
    ["ALB", () => ({ ...albBase, httpMethod: "HEAD", path: "/feed.xml" })],
    ["ALB multi-value", () => ({ ...albMultiBase, httpMethod: "HEAD", path: "/feed.xml" })],
  ])("answers HEAD on a %s event with the GET's headers and no body", async (_shape, event) => {
    const head = await feeds(event());
    const get = await feeds({ ...event(), httpMethod: "GET", ...getMethod(event()) });
    expect(head.statusCode).toBe(200);
    expect(head.body).toBe("");
    expect(get.body.length).toBeGreaterThan(1000);
    expect(head.headers ?? head.multiValueHeaders).toEqual(get.headers ?? get.multiValueHeaders);
  });
});

/** The fields that make an event of any shape a GET. */
function getMethod(event: object): object {
  if ("requestContext" in event && "http" in (event.requestContext as object)) {
    const v2 = event as ReturnType<typeof httpEvent>;
    return { requestContext: { ...v2.requestContext, http: { ...v2.requestContext.http, method: "GET" } } };
  }
  if ("requestContext" in event && "httpMethod" in (event.requestContext as object)) {
    const v1 = event as ReturnType<typeof restEvent>;
    return { requestContext: { ...v1.requestContext, httpMethod: "GET" } };
  }
  return {};
}

const widgetManifest: Record<string, string> = JSON.parse(
  await readFile(new URL("../../../dist/widget/manifest.json", import.meta.url), "utf8"),
);

describe("the versioned widget", () => {
  const file = widgetManifest["news-brief.js"] ?? "";

  it("serves the file the build named, immutable, and the front page loads it", async () => {
    const result = await site(httpEvent("GET", `/widget/${file}`));
    const stable = await site(httpEvent("GET", "/widget/news-brief.js"));
    expect(result.statusCode).toBe(200);
    expect(result.headers?.["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(result.body).toBe(stable.body);
    expect((await site(httpEvent("GET", "/"))).body).toContain(`/widget/${file}"></script>`);
  });

  it("answers 404 for another version's name", async () => {
    const result = await site(httpEvent("GET", "/widget/news-brief.0123456789.js"));
    expect(result.statusCode).toBe(404);
  });
});

describe("the request log", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  /** The JSON lines the bundle wrote to stdout while `run` ran. */
  async function logged(run: () => Promise<unknown>): Promise<Record<string, unknown>[]> {
    const log = vi.spyOn(console, "log").mockImplementation(() => undefined);
    try {
      await run();
      return log.mock.calls.map(([line]) => JSON.parse(String(line)));
    } finally {
      log.mockRestore();
    }
  }

  it("carries Lambda's request id from the context of a real HTTP API v2 invocation", async () => {
    const context = lambdaContext("6f4c3a1b-2d5e-4f70-8a9b-0c1d2e3f4a5b");
    const lines = await logged(() => feeds(httpEvent("GET", "/feed.xml"), context));
    expect(lines).toEqual([
      expect.objectContaining({
        level: "info",
        message: "request",
        requestId: "6f4c3a1b-2d5e-4f70-8a9b-0c1d2e3f4a5b",
        method: "GET",
        route: "/:file",
        status: 200,
        version: expect.stringMatching(/^[0-9a-f]{16}$/),
      }),
    ]);
  });

  it("falls back on API Gateway's request id when there is no context", async () => {
    const v2 = await logged(() => api(httpEvent("GET", `/api/briefs/${SEED}`)));
    const v1 = await logged(() => api(restEvent("GET", `/api/briefs/${SEED}`)));
    expect(v2.map((line) => [line.requestId, line.route])).toEqual([["JKJaXmPLvHcESHA=", "/api/briefs/:id"]]);
    expect(v1.map((line) => line.requestId)).toEqual(["c6af9ac6-7b61-11e6-9a41-93e8deadbeef"]);
  });
});

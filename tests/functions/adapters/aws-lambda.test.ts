// The Lambda host on the event shapes AWS really sends: API Gateway REST (v1), HTTP API (v2),
// Function URLs and ALB. Most cases run the bundles that ship (dist/, from `npm run build`).

import { brotliDecompressSync } from "node:zlib";
import type {
  ALBEvent,
  APIGatewayProxyEvent,
  APIGatewayProxyEventV2,
  LambdaFunctionURLEvent,
} from "aws-lambda";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  type LambdaHandler,
  type LambdaResult,
  lambdaHandler,
} from "../../../functions/adapters/aws-lambda.js";
import { apiRoutes } from "../../../functions/routes/api.js";
import { loadCatalog } from "../../../infra/content/load.js";
import { contentOf } from "../../support/test-content.js";

type AwsHandler = LambdaHandler;

const SEED = "microsoft-employes-contrats-police";
const JSON_TYPE = /^application\/json(;|$)/;

async function bundle(name: "feeds" | "api" | "site", cacheKey = ""): Promise<AwsHandler> {
  const file = new URL(`../../../dist/functions/${name}/index.mjs${cacheKey}`, import.meta.url);
  const module: { handler: AwsHandler } = await import(file.href);
  return module.handler;
}

const feeds = await bundle("feeds");
const api = await bundle("api");
const site = await bundle("site");
const catalog = await loadCatalog("content");

function header(result: LambdaResult, name: string): string | undefined {
  return result.headers?.[name]?.toString() ?? result.multiValueHeaders?.[name]?.join(", ");
}

// API Gateway REST API, Lambda proxy integration, stage "dev" (after the AWS documentation's sample event).
const restBase: APIGatewayProxyEvent = {
  resource: "/feed.xml",
  path: "/feed.xml",
  httpMethod: "GET",
  headers: {
    Accept: "*/*",
    Host: "r4nd0m1d.execute-api.eu-west-3.amazonaws.com",
    "User-Agent": "curl/8.5.0",
    "X-Forwarded-For": "192.0.2.1",
    "X-Forwarded-Proto": "https",
  },
  multiValueHeaders: {
    Accept: ["*/*"],
    Host: ["r4nd0m1d.execute-api.eu-west-3.amazonaws.com"],
    "User-Agent": ["curl/8.5.0"],
    "X-Forwarded-For": ["192.0.2.1"],
    "X-Forwarded-Proto": ["https"],
  },
  queryStringParameters: null,
  multiValueQueryStringParameters: null,
  pathParameters: null,
  stageVariables: null,
  requestContext: {
    accountId: "123456789012",
    apiId: "r4nd0m1d",
    authorizer: undefined,
    domainName: "r4nd0m1d.execute-api.eu-west-3.amazonaws.com",
    domainPrefix: "r4nd0m1d",
    extendedRequestId: "Xk3dAFHvCGYEJ2w=",
    httpMethod: "GET",
    identity: {
      accessKey: null,
      accountId: null,
      apiKey: null,
      apiKeyId: null,
      caller: null,
      clientCert: null,
      cognitoAuthenticationProvider: null,
      cognitoAuthenticationType: null,
      cognitoIdentityId: null,
      cognitoIdentityPoolId: null,
      principalOrgId: null,
      sourceIp: "192.0.2.1",
      user: null,
      userAgent: "curl/8.5.0",
      userArn: null,
    },
    path: "/dev/feed.xml",
    protocol: "HTTP/1.1",
    requestId: "c6af9ac6-7b61-11e6-9a41-93e8deadbeef",
    requestTime: "10/Jun/2020:07:00:00 +0000",
    requestTimeEpoch: 1591772400000,
    resourceId: "2gxmpl",
    resourcePath: "/feed.xml",
    stage: "dev",
  },
  body: null,
  isBase64Encoded: false,
};

function restEvent(method: string, path: string, query?: Record<string, string[]>): APIGatewayProxyEvent {
  const lastValues =
    query && Object.fromEntries(Object.entries(query).map(([name, values]) => [name, values.at(-1)]));
  return {
    ...restBase,
    httpMethod: method,
    path,
    resource: path,
    queryStringParameters: lastValues ?? null,
    multiValueQueryStringParameters: query ?? null,
    requestContext: {
      ...restBase.requestContext,
      httpMethod: method,
      path: `/dev${path}`,
      resourcePath: path,
    },
  };
}

// HTTP API, payload format 2.0, $default stage (after the AWS documentation's sample event).
const httpBase: APIGatewayProxyEventV2 = {
  version: "2.0",
  routeKey: "$default",
  rawPath: "/",
  rawQueryString: "",
  headers: {
    accept: "*/*",
    "content-length": "0",
    host: "r4nd0m1d.execute-api.eu-west-3.amazonaws.com",
    "user-agent": "curl/8.5.0",
    "x-amzn-trace-id": "Root=1-5e6722a7-cc56xmpl46db7ae02d4da47e",
    "x-forwarded-for": "192.0.2.1",
    "x-forwarded-port": "443",
    "x-forwarded-proto": "https",
  },
  requestContext: {
    accountId: "123456789012",
    apiId: "r4nd0m1d",
    domainName: "r4nd0m1d.execute-api.eu-west-3.amazonaws.com",
    domainPrefix: "r4nd0m1d",
    http: { method: "GET", path: "/", protocol: "HTTP/1.1", sourceIp: "192.0.2.1", userAgent: "curl/8.5.0" },
    requestId: "JKJaXmPLvHcESHA=",
    routeKey: "$default",
    stage: "$default",
    time: "10/Jun/2020:07:00:00 +0000",
    timeEpoch: 1591772400000,
  },
  isBase64Encoded: false,
};

function httpEvent(
  method: string,
  rawPath: string,
  rawQueryString = "",
  base = httpBase,
): APIGatewayProxyEventV2 {
  const query = new URLSearchParams(rawQueryString);
  // HTTP API joins repeated query parameters with commas.
  const queryStringParameters = Object.fromEntries(
    [...new Set(query.keys())].map((name) => [name, query.getAll(name).join(",")]),
  );
  return {
    ...base,
    rawPath,
    rawQueryString,
    ...(rawQueryString ? { queryStringParameters } : {}),
    requestContext: {
      ...base.requestContext,
      http: { ...base.requestContext.http, method, path: rawPath },
    },
  };
}

// A Lambda function URL: the same 2.0 shape, on its own domain.
const functionUrlBase: LambdaFunctionURLEvent = {
  ...httpBase,
  headers: { ...httpBase.headers, host: "r4nd0m1dxmpl5mhqfd5gbxpe4q0gbsdy.lambda-url.eu-west-3.on.aws" },
  requestContext: {
    ...httpBase.requestContext,
    apiId: "r4nd0m1dxmpl5mhqfd5gbxpe4q0gbsdy",
    domainName: "r4nd0m1dxmpl5mhqfd5gbxpe4q0gbsdy.lambda-url.eu-west-3.on.aws",
    domainPrefix: "r4nd0m1dxmpl5mhqfd5gbxpe4q0gbsdy",
  },
};

// An Application Load Balancer target group, multi-value headers off (after the ELB documentation's sample).
const albBase: ALBEvent = {
  requestContext: {
    elb: {
      targetGroupArn:
        "arn:aws:elasticloadbalancing:eu-west-3:123456789012:targetgroup/news-brief/49e9d65c45c6791a",
    },
  },
  httpMethod: "GET",
  path: "/",
  queryStringParameters: {},
  headers: {
    accept: "*/*",
    host: "news-brief-123578498.eu-west-3.elb.amazonaws.com",
    "user-agent": "curl/8.5.0",
    "x-amzn-trace-id": "Root=1-5c536348-3d683b8b04734faae651f476",
    "x-forwarded-for": "192.0.2.1",
    "x-forwarded-port": "443",
    "x-forwarded-proto": "https",
  },
  body: "",
  isBase64Encoded: false,
};

// The same target group with multi-value headers on: ALB then sends, and expects back, only the multi-value fields.
const albMultiBase: ALBEvent = {
  requestContext: albBase.requestContext,
  httpMethod: "GET",
  path: "/",
  multiValueQueryStringParameters: {},
  multiValueHeaders: Object.fromEntries(
    Object.entries(albBase.headers ?? {}).map(([name, value]) => [name, [value ?? ""]]),
  ),
  body: "",
  isBase64Encoded: false,
};

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

  it("answers 404 naming the id for an accented path, sent encoded or decoded", async () => {
    const encoded = await site(restEvent("GET", "/briefs/caf%C3%A9"));
    const decoded = await site(restEvent("GET", "/briefs/café"));
    for (const result of [encoded, decoded]) {
      expect(result.statusCode).toBe(404);
      expect(result.body).toBe('404 No brief has the id "café".\n');
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
    expect(result.body).toBe("404 Nothing lives at this address.\n");
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

// Malformed Lambda events: each gets a 400 (or 405) with a clear message in the event's own shape, never a
// throw (which Lambda would turn into a 502) and never a 500.
import { describe, expect, it } from "vitest";
import {
  type LambdaHandler,
  type LambdaResult,
  lambdaHandler,
} from "../../../functions/adapters/aws-lambda.js";
import { allSections } from "../../../functions/all-sections.js";
import { loadCatalog } from "../../../infra/content/load.js";
import { WIDGET_SCRIPT } from "../../support/test-app.js";
import { contentOf } from "../../support/test-content.js";
import { albBase, albMultiBase, httpEvent, restBase, restEvent } from "./support/lambda-events.js";

const SEED = "microsoft-employes-contrats-police";
const catalog = await loadCatalog("content");
const handler = lambdaHandler(contentOf(catalog, { logger: { log() {} } }), allSections(WIDGET_SCRIPT));
const invoke = (event: unknown) => handler(event as Parameters<LambdaHandler>[0]);

/** A header of a result of either shape. */
function header(result: LambdaResult, name: string): string | undefined {
  return result.headers?.[name]?.toString() ?? result.multiValueHeaders?.[name]?.join(", ");
}

const post = (event: object, body: unknown, isBase64Encoded: unknown) => ({
  ...event,
  body,
  isBase64Encoded,
});
const v2Post = httpEvent("POST", "/api/briefs");
const v1Post = restEvent("POST", "/api/briefs");
const { headers: _headers, ...v2NoHeaders } = httpEvent("GET", "/feed.xml");
const { requestContext: _context, ...v2NoContext } = httpEvent("GET", "/feed.xml");
const { rawPath: _rawPath, ...v2NoPath } = httpEvent("GET", "/feed.xml");
const { path: _path, ...v1NoPath } = restEvent("GET", "/feed.xml");
const { httpMethod: _method, ...albNoMethod } = { ...albBase, path: "/feed.xml" };

describe("a malformed event is answered 400 in its own shape", () => {
  it.each([
    ["an empty object", {}, /no method and no path/],
    ["null", null, /not an object/],
    ["a string", "GET /feed.xml", /not an object/],
    ["a list", [httpEvent("GET", "/feed.xml")], /not an object/],
    ["an S3 notification", { Records: [{ eventSource: "aws:s3", s3: {} }] }, /no method and no path/],
    [
      "a scheduled event",
      { "detail-type": "Scheduled Event", source: "aws.events", detail: {} },
      /no method/,
    ],
    ["an HTTP API event without requestContext", v2NoContext, /requestContext\.http\.method/],
    ["an HTTP API event without rawPath", { ...v2NoPath, version: "2.0" }, /rawPath must be a path/],
    ["a REST event without path", v1NoPath, /path must be a path/],
    ["an ALB event without httpMethod", albNoMethod, /httpMethod must be an HTTP method/],
    [
      "requestContext as a string",
      { ...restEvent("GET", "/feed.xml"), requestContext: "dev" },
      /requestContext/,
    ],
    ["httpMethod as a number", { ...restEvent("GET", "/feed.xml"), httpMethod: 42 }, /httpMethod/],
    ["a method with a space", { ...restEvent("GET", "/feed.xml"), httpMethod: "GET /" }, /httpMethod/],
    ["a path that is not one", { ...restEvent("GET", "/feed.xml"), path: "feed.xml" }, /path must be/],
    [
      "headers as a string",
      { ...httpEvent("GET", "/feed.xml"), headers: "accept: */*" },
      /headers must be an object/,
    ],
    [
      "headers as a list",
      { ...httpEvent("GET", "/feed.xml"), headers: [["accept", "*/*"]] },
      /headers must be/,
    ],
    ["a header as a number", { ...httpEvent("GET", "/feed.xml"), headers: { accept: 1 } }, /headers\.accept/],
    [
      "a header with CR LF",
      { ...httpEvent("GET", "/"), headers: { x: "a\r\nSet-Cookie: b" } },
      /cannot carry/,
    ],
    [
      "a header named with a space",
      { ...httpEvent("GET", "/"), headers: { "x y": "1" } },
      /not a header name/,
    ],
    [
      "multi-value headers of strings",
      { ...restEvent("GET", "/"), multiValueHeaders: { Accept: "*/*" } },
      /list/,
    ],
    ["queryStringParameters as a list", { ...restEvent("GET", "/"), queryStringParameters: ["a"] }, /object/],
    [
      "a query value as a number",
      { ...albBase, queryStringParameters: { limit: 5 } },
      /limit must be a string/,
    ],
    [
      "a lone surrogate in a query value",
      restEvent("GET", "/api/briefs", { tag: ["\ud800"] }),
      /cannot carry/,
    ],
    [
      "rawQueryString as a number",
      { ...httpEvent("GET", "/api/briefs"), rawQueryString: 5 },
      /rawQueryString/,
    ],
    ["cookies as a string", { ...httpEvent("GET", "/"), cookies: "a=b" }, /cookies/],
    [
      "a domain name that is not one",
      {
        ...httpEvent("GET", "/"),
        requestContext: { ...httpEvent("GET", "/").requestContext, domainName: "a b" },
      },
      /host name/,
    ],
    ["body as a number", post(v2Post, 42, false), /body must be a string/],
    ["isBase64Encoded as a string", post(v2Post, "e30=", "yes"), /isBase64Encoded must be/],
    ["an HTTP API body marked base64 that is not", post(v2Post, "not base64!", true), /not base64/],
    ["a REST body marked base64 that is not", post(v1Post, "%%%%", true), /not base64/],
    [
      "an ALB body marked base64 that is not",
      post({ ...albBase, httpMethod: "POST" }, "a", true),
      /not base64/,
    ],
  ])("%s", async (_name, event, message) => {
    const result = await invoke(event);
    expect(result.statusCode).toBe(400);
    expect(header(result, "x-content-type-options")).toBe("nosniff");
    expect(header(result, "cache-control")).toBe("no-store");
    expect(result.isBase64Encoded).toBe(false);
    const api = header(result, "content-type")?.startsWith("application/json");
    const text = api ? JSON.parse(result.body).message : result.body;
    expect(text).toMatch(/^(?:400 )?Malformed event: /);
    expect(text).toMatch(message);
  });

  it("answers JSON under /api/ and plain text elsewhere", async () => {
    const api = await invoke(post(v2Post, "***", true));
    const page = await invoke(post(httpEvent("POST", "/"), "***", true));
    expect(header(api, "content-type")).toBe("application/json; charset=utf-8");
    expect(JSON.parse(api.body)).toEqual({
      error: "bad_request",
      message: expect.stringMatching(/not base64/),
    });
    expect(header(page, "content-type")).toBe("text/plain; charset=utf-8");
    expect(page.body).toMatch(/^400 Malformed event: body is marked isBase64Encoded but is not base64\.\n$/);
  });

  it.each([
    ["REST v1", restEvent("GET", "/feed.xml"), "multiValueHeaders"],
    ["ALB with multi-value headers", { ...albMultiBase, path: "/feed.xml" }, "multiValueHeaders"],
    ["ALB", { ...albBase, path: "/feed.xml" }, "headers"],
    ["HTTP API v2", httpEvent("GET", "/feed.xml"), "headers"],
  ])("answers a %s event in the fields it came with", async (_shape, event, field) => {
    const result = await invoke({ ...event, body: 7 });
    expect(result.statusCode).toBe(400);
    expect(Object.keys(result)).toContain(field);
    expect(Object.keys(result)).not.toContain(field === "headers" ? "multiValueHeaders" : "headers");
  });

  it.each(["TRACE", "TRACK", "CONNECT"])(
    "answers %s, which a web Request cannot carry, 405 with Allow",
    async (method) => {
      const result = await invoke(httpEvent(method, `/api/briefs/${SEED}`));
      expect(result.statusCode).toBe(405);
      expect(result.headers?.allow).toBe("GET, HEAD");
      expect(JSON.parse(result.body)).toMatchObject({ error: "method_not_allowed" });
    },
  );
});

describe("an event with optional fields missing is answered as usual", () => {
  it.each([
    ["an HTTP API event without headers", v2NoHeaders],
    ["a REST event with null headers and query", { ...restBase, headers: null, multiValueHeaders: null }],
    ["a REST event without requestContext", { ...restBase, requestContext: undefined }],
    [
      "an ALB event with null multi-value headers",
      { ...albBase, path: "/feed.xml", multiValueHeaders: null },
    ],
    ["a GET with a body, which is dropped", post(httpEvent("GET", "/feed.xml"), "@@", false)],
  ])("%s", async (_name, event) => {
    const result = await invoke(event);
    expect(result.statusCode).toBe(200);
    expect(result.body).toContain("Plus de 250 employés de Microsoft");
  });
});

describe("the shipped bundle", () => {
  it("answers a body marked base64 that is not with a 400, where it used to answer 500", async () => {
    const file = new URL("../../../dist/functions/api/index.mjs", import.meta.url);
    const api: { handler: LambdaHandler } = await import(file.href);
    const result = await api.handler(post(v2Post, "not base64!", true) as Parameters<LambdaHandler>[0]);
    expect(result.statusCode).toBe(400);
    expect(JSON.parse(result.body).message).toMatch(/not base64/);
  });
});

// The hostile corpus through the Lambda adapter, as API Gateway REST (v1), HTTP API (v2), a Function URL and an
// ALB (single- and multi-value) would deliver each request: the same rules as the app in process.
import { describe, expect, test } from "vitest";
import {
  type LambdaEvent,
  type LambdaResult,
  lambdaHandler,
} from "../../../functions/adapters/aws-lambda.js";
import { allSections } from "../../../functions/all-sections.js";
import { Content } from "../../../functions/catalog/content.js";
import { loadCatalog } from "../../../infra/content/load.js";
import type { HostileAnswer } from "../../support/hostile-answers.js";
import { CORPUS_BASE_URL, CORPUS_WITHDRAWN, type HostileRequest } from "../../support/hostile-requests.js";
import { NOT_CARRIED, runCorpus } from "../../support/hostile-run.js";
import { WIDGET_SCRIPT } from "../../support/test-app.js";
import { storeOf } from "../../support/test-content.js";
import { albBase, albMultiBase, functionUrlBase, httpEvent, restEvent } from "./support/lambda-events.js";

const catalog = await loadCatalog("content");
const content = new Content(storeOf(catalog, [CORPUS_WITHDRAWN]), { logger: { log() {} } });
const handler = lambdaHandler(content, allSections(WIDGET_SCRIPT), { PUBLIC_BASE_URL: CORPUS_BASE_URL });

/** The path and the query string as they were on the request line. */
function split(path: string): [path: string, query: string] {
  const mark = path.indexOf("?");
  return mark < 0 ? [path, ""] : [path.slice(0, mark), path.slice(mark + 1)];
}

/** Each parameter's values, in order: decoded (API Gateway REST) or as sent (ALB leaves them encoded). */
function parameters(query: string, decode: boolean): Record<string, string[]> {
  const raw = query.split("&").filter(Boolean);
  const pairs: [string, string][] = decode
    ? [...new URLSearchParams(query)]
    : raw.map((pair) => {
        const equals = pair.indexOf("=");
        return equals < 0 ? [pair, ""] : [pair.slice(0, equals), pair.slice(equals + 1)];
      });
  const grouped: Record<string, string[]> = {};
  for (const [name, value] of pairs) grouped[name] = [...(grouped[name] ?? []), value];
  return grouped;
}

const lower = (headers: Record<string, string>) =>
  Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
const multi = (headers: Record<string, string | undefined>) =>
  Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, [value ?? ""]]));
const last = (grouped: Record<string, string[]>) =>
  Object.fromEntries(Object.entries(grouped).map(([name, values]) => [name, values.at(-1) ?? ""]));

/** The event each shape makes of `request`, or NOT_CARRIED when the shape cannot hold it. */
const SHAPES: Record<string, (request: HostileRequest) => LambdaEvent | typeof NOT_CARRIED> = {
  "REST v1": ({ method, path, headers, body }) => {
    const [rawPath, query] = split(path);
    const grouped = parameters(query, true);
    const event = restEvent(method, rawPath, Object.keys(grouped).length ? grouped : undefined);
    const all = { ...event.headers, ...headers };
    return { ...event, headers: all, multiValueHeaders: multi(all), body: body ?? null };
  },
  "HTTP API v2": ({ method, path, headers, body }) => {
    const event = httpEvent(method, ...split(path));
    return { ...event, headers: { ...event.headers, ...lower(headers) }, ...(body && { body }) };
  },
  "Function URL": ({ method, path, headers, body }) => {
    const event = httpEvent(method, ...split(path), functionUrlBase);
    return { ...event, headers: { ...event.headers, ...lower(headers) }, ...(body && { body }) };
  },
  ALB: ({ method, path, headers, body }) => {
    const [rawPath, query] = split(path);
    const grouped = parameters(query, false);
    // Without multi-value headers, ALB keeps the last value of a repeated parameter: the app never sees the rest.
    if (Object.values(grouped).some((values) => values.length > 1)) return NOT_CARRIED;
    const queryStringParameters = last(grouped);
    const all = { ...albBase.headers, ...lower(headers) };
    return {
      ...albBase,
      httpMethod: method,
      path: rawPath,
      queryStringParameters,
      headers: all,
      body: body ?? "",
    };
  },
  "ALB multi-value": ({ method, path, headers, body }) => {
    const [rawPath, query] = split(path);
    const multiValueQueryStringParameters = parameters(query, false);
    const multiValueHeaders = { ...albMultiBase.multiValueHeaders, ...multi(lower(headers)) };
    return {
      ...albMultiBase,
      httpMethod: method,
      path: rawPath,
      multiValueQueryStringParameters,
      multiValueHeaders,
      body: body ?? "",
    };
  },
};

/** A Lambda result as an HTTP answer: the body decoded from base64 when marked so. */
function answerOf(result: LambdaResult): HostileAnswer {
  const headers = new Headers();
  for (const [name, value] of Object.entries(result.headers ?? {})) headers.set(name, String(value));
  for (const [name, values] of Object.entries(result.multiValueHeaders ?? {}))
    headers.set(name, values.join(", "));
  const body = Buffer.from(result.body, result.isBase64Encoded ? "base64" : "utf8");
  return { status: result.statusCode, headers, body: new Uint8Array(body) };
}

describe("the hostile corpus through the Lambda adapter", () => {
  test.each(Object.keys(SHAPES))("%s events: every answer keeps the rules", async (shape) => {
    const toEvent = SHAPES[shape] as (request: HostileRequest) => LambdaEvent | typeof NOT_CARRIED;
    const { failures, tally } = await runCorpus(async (request) => {
      const event = toEvent(request);
      return event === NOT_CARRIED ? event : answerOf(await handler(event));
    });
    console.log(tally.lines(`Lambda ${shape}`).join("\n"));
    expect(failures).toEqual([]);
  });
});

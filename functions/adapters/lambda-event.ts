// Checks a Lambda event before hono/aws-lambda reads it: a malformed one is answered 400 in its own shape.
import { routeFamily } from "../http/route-family.js";
import { MethodNotAllowedError } from "../http-errors.js";
import type { LambdaEvent, LambdaResult } from "./aws-lambda.js";

/** Why an event cannot be answered by the app, and the status that says so. */
export interface EventProblem {
  status: 400 | 405;
  message: string;
}

type Fields = Record<string, unknown>;

// RFC 9110 §5.6.2: a method and a header name are tokens.
const TOKEN = /^[!#$%&'*+.^_`|~\w-]+$/;
// Methods a web Request refuses to carry (Fetch, "forbidden method"): the app could not even see them.
const FORBIDDEN_METHOD = /^(?:CONNECT|TRACE|TRACK)$/i;
// A lone surrogate is not text: hono/aws-lambda's encodeURIComponent throws on it.
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;
// CR, LF and NUL cannot be in a header value (RFC 9110 §5.5).
const BAD_HEADER_VALUE = /[\r\n\0]|[\uD800-\uDFFF]/u;

const isFields = (value: unknown): value is Fields =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * The event as hono/aws-lambda can read it, or the problem with it. Missing headers, query and body are
 * empty; a GET's or HEAD's body is dropped, since a web Request cannot carry one and the app reads none.
 */
export function checkLambdaEvent(event: unknown): { event: LambdaEvent } | EventProblem {
  if (!isFields(event)) return bad("the event is not an object");
  const context = event.requestContext;
  if (context != null && !isFields(context)) return bad("requestContext must be an object");
  // HTTP API v2 and Function URLs; anything else is read as REST v1 or ALB, as hono/aws-lambda does.
  const v2 = "rawPath" in event || event.version === "2.0";
  const method = v2 ? (isFields(context?.http) ? context.http.method : undefined) : event.httpMethod;
  const path = v2 ? event.rawPath : event.path;
  if (method === undefined && path === undefined)
    return bad("the event is not an API Gateway, Function URL or ALB request: it has no method and no path");
  if (typeof method !== "string" || !TOKEN.test(method))
    return bad(`${v2 ? "requestContext.http.method" : "httpMethod"} must be an HTTP method`);
  if (typeof path !== "string" || !path.startsWith("/") || LONE_SURROGATE.test(path))
    return bad(`${v2 ? "rawPath" : "path"} must be a path starting with "/"`);
  const problem = fieldProblem(event, v2);
  if (problem) return bad(problem);
  if (FORBIDDEN_METHOD.test(method))
    return { status: 405, message: new MethodNotAllowedError(method).message };
  const domain = context?.domainName ?? header(event, "host");
  if (!URL.canParse(`https://${domain}${path}`))
    return bad("requestContext.domainName or the Host header is not a host name");
  const dropBody = /^(?:GET|HEAD)$/i.test(method) && Boolean(event.body);
  return { event: (dropBody ? { ...event, body: null } : event) as unknown as LambdaEvent };
}

/** The answer to a malformed event, in the event's shape: JSON under /api/, plain text elsewhere. */
export function problemResult(event: unknown, { status, message }: EventProblem): LambdaResult {
  const fields = isFields(event) ? event : {};
  const path = [fields.rawPath, fields.path].find((value) => typeof value === "string") ?? "";
  const api = routeFamily(String(path)) === "api";
  const code = status === 405 ? "method_not_allowed" : "bad_request";
  const headers: Record<string, string> = {
    "content-type": api ? "application/json; charset=utf-8" : "text/plain; charset=utf-8",
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
    ...(status === 405 && { allow: "GET, HEAD" }),
  };
  const body = api ? JSON.stringify({ error: code, message }) : `${status} ${message}\n`;
  const shape = isFields(fields.multiValueHeaders)
    ? {
        multiValueHeaders: Object.fromEntries(
          Object.entries(headers).map(([name, value]) => [name, [value]]),
        ),
      }
    : { headers };
  return { statusCode: status, body, isBase64Encoded: false, ...shape } as LambdaResult;
}

function bad(message: string): EventProblem {
  return { status: 400, message: `Malformed event: ${message}.` };
}

/** The first problem with the event's headers, query, cookies and body, if any. */
function fieldProblem(event: Fields, v2: boolean): string | undefined {
  const cookies = event.cookies;
  return (
    mapProblem(event.headers, "headers", "header", false) ??
    mapProblem(event.multiValueHeaders, "multiValueHeaders", "header", true) ??
    mapProblem(event.queryStringParameters, "queryStringParameters", "query", false) ??
    mapProblem(event.multiValueQueryStringParameters, "multiValueQueryStringParameters", "query", true) ??
    (v2 && event.rawQueryString != null && typeof event.rawQueryString !== "string"
      ? "rawQueryString must be a string"
      : undefined) ??
    (v2 && cookies != null && !(isStrings(cookies) && !cookies.some((text) => BAD_HEADER_VALUE.test(text)))
      ? "cookies must be a list of strings HTTP can carry"
      : undefined) ??
    bodyProblem(event)
  );
}

/** A problem with a map of header or query values (strings, or lists of strings); absent or null is empty. */
function mapProblem(
  map: unknown,
  name: string,
  kind: "header" | "query",
  lists: boolean,
): string | undefined {
  if (map == null) return undefined;
  if (!isFields(map)) return `${name} must be an object`;
  const unsafe = kind === "header" ? BAD_HEADER_VALUE : LONE_SURROGATE;
  for (const [key, value] of Object.entries(map)) {
    if (kind === "header" && !TOKEN.test(key)) return `${name} has a name that is not a header name`;
    if (value == null) continue;
    const values = lists ? value : [value];
    if (!isStrings(values)) return `${name}.${key} must be ${lists ? "a list of strings" : "a string"}`;
    if (values.some((text) => unsafe.test(text))) return `${name}.${key} holds characters HTTP cannot carry`;
  }
  return undefined;
}

function bodyProblem(event: Fields): string | undefined {
  const { body, isBase64Encoded } = event;
  if (body != null && typeof body !== "string") return "body must be a string";
  if (isBase64Encoded != null && typeof isBase64Encoded !== "boolean")
    return "isBase64Encoded must be true or false";
  if (isBase64Encoded && body) {
    try {
      atob(body);
    } catch {
      return "body is marked isBase64Encoded but is not base64";
    }
  }
  return undefined;
}

const isStrings = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === "string");

/** A header of the event by its lowercase name, as hono/aws-lambda finds the Host when the context has none. */
function header(event: Fields, name: string): unknown {
  const single = isFields(event.headers) ? event.headers[name] : undefined;
  const multi = isFields(event.multiValueHeaders) ? event.multiValueHeaders[name] : undefined;
  return single ?? (Array.isArray(multi) ? multi[0] : undefined);
}

// Typed HTTP errors and the one place that turns any error into a response.
import type { Context } from "hono";
import { CorruptDocumentError } from "./catalog/documents.js";
import { READ_METHODS } from "./http/cors.js";
import { readerOf } from "./http/response-guard.js";
import { routeFamily } from "./http/route-family.js";
import { errorPageKind, HTML_HEADERS } from "./http/security-headers.js";
import { defaultLogger } from "./log/logger.js";
import { errorPage } from "./pages/error-page.js";
import { GONE_CACHE } from "./routes/cache-control.js";
import { StoreUnavailableError } from "./store/content-store.js";

/** An error whose message is safe to show to the client. */
export class HttpError extends Error {
  override name = "HttpError";
  constructor(
    readonly status: 400 | 404 | 405 | 410 | 503,
    /** Short machine-readable code, e.g. "not_found". */
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** 400: a query value is wrong; the message says which and how to fix it. */
export class BadRequestError extends HttpError {
  override name = "BadRequestError";
  constructor(message: string, options?: ErrorOptions) {
    super(400, "bad_request", message, {}, options);
  }
}

/** 404: nothing lives at this path. */
export class NotFoundError extends HttpError {
  override name = "NotFoundError";
  constructor(message = "Nothing lives at this address.") {
    super(404, "not_found", message);
  }
}

/** 410: the brief was published, then withdrawn; readers must not keep it. */
export class GoneError extends HttpError {
  override name = "GoneError";
  constructor(message = "This brief was withdrawn by its publisher.") {
    super(410, "gone", message);
  }
}

/** 503: what this request needs cannot be read from the content store just now; the client may retry. */
export class ServiceUnavailableError extends HttpError {
  override name = "ServiceUnavailableError";
  constructor(retryAfterSeconds: number, options?: ErrorOptions) {
    super(
      503,
      "unavailable",
      "The content is unavailable for a moment; please try again shortly.",
      {
        "Retry-After": String(retryAfterSeconds),
      },
      options,
    );
  }
}

/** 405: the path exists but only answers GET and HEAD. */
export class MethodNotAllowedError extends HttpError {
  override name = "MethodNotAllowedError";
  constructor(method: string) {
    super(405, "method_not_allowed", `${method} is not allowed here; use GET or HEAD.`, {
      Allow: READ_METHODS,
    });
  }
}

/** Longest part of a request's text that a message quotes back. */
const QUOTED = 80;

/**
 * Request text (an id, a tag, an address) fit to quote in a message of any type: letters (accented too),
 * digits and `. _ ~ - : / ? = & % +` stay, anything else becomes U+FFFD, and it is clipped to 80 characters.
 */
export function quoted(text: string): string {
  const characters = [...text];
  const safe = characters
    .slice(0, QUOTED)
    .join("")
    .replace(/[^\p{L}\p{N}._~:/?=&%+-]/gu, "\uFFFD");
  return characters.length > QUOTED ? `${safe}…` : safe;
}

/** Seconds a client is asked to wait when the store is down: about one check of the manifest. */
const RETRY_AFTER_SECONDS = 30;

/**
 * Maps an error to a response, shaped by the path's family (routeFamily): JSON under /api/, plain text for
 * feeds and other documents, and for pages an HTML page for 404, 410 and 503 (text for the rest, and when the
 * site itself cannot be read). A store failure is logged (naming the document when one is damaged) and answered
 * 503 with Retry-After; anything else that is not an HttpError is logged and answered with a 500 that leaks no
 * detail.
 */
export function errorResponse(error: unknown, c: Context): Response | Promise<Response> {
  if (error instanceof StoreUnavailableError) {
    const corrupt = error instanceof CorruptDocumentError;
    defaultLogger.log({
      level: "error",
      message: corrupt ? "content store document unreadable" : "content store unavailable",
      path: c.req.path,
      ...(corrupt && { store: error.store, key: error.key }),
      error: error.message,
    });
    return errorResponse(new ServiceUnavailableError(RETRY_AFTER_SECONDS, { cause: error }), c);
  }
  const known = error instanceof HttpError ? error : undefined;
  if (!known)
    defaultLogger.log({
      level: "error",
      message: "unexpected error",
      path: c.req.path,
      error: String(error),
      stack: (error as Error)?.stack,
    });
  const status = known?.status ?? 500;
  const code = known?.code ?? "internal_error";
  const message = known?.message ?? "Something went wrong on our side; please try again later.";
  // A missing page may exist a minute later, so nothing keeps it; a withdrawal is meant to last (GONE_CACHE).
  const headers = { ...known?.headers, "Cache-Control": status === 410 ? GONE_CACHE : "no-store" };
  const family = routeFamily(c.req.path);
  if (family === "api") {
    // The charset as on every other JSON answer of the API (a bare application/json gets one added by some fronts).
    return c.json({ error: code, message }, status, {
      ...headers,
      "Content-Type": "application/json; charset=utf-8",
    });
  }
  const text = () => c.text(`${status} ${message}\n`, status, headers);
  if (family === "page" && (status === 404 || status === 410 || status === 503))
    return htmlError(c, status, headers, text);
  return text();
}

/** The HTML page for a 404, 410 or 503 of a page route; the text answer when the site cannot be read. */
async function htmlError(
  c: Context,
  status: 404 | 410 | 503,
  headers: Record<string, string>,
  text: () => Response,
): Promise<Response> {
  const read = readerOf(c);
  if (!read) return text();
  let body: string;
  try {
    const { snapshot, links } = await read();
    body = String(await errorPage(snapshot.site, links, status, c.req.path));
  } catch {
    return text();
  }
  return c.body(body, status, {
    ...HTML_HEADERS[errorPageKind(c.req.path)],
    ...headers,
    "Content-Type": "text/html; charset=utf-8",
  });
}

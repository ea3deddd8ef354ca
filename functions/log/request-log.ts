// One log line per request: its id, method, route pattern, status, duration and the content version served.
import type { MiddlewareHandler } from "hono";
import { matchedRoutes } from "hono/route";
import { remembered } from "../remembered.js";
import { keeps, type Logger } from "./logger.js";

/** What the request log needs from its host and from the content. */
export interface RequestLogOptions {
  logger: Logger;
  /** The host's id for this request (Lambda's awsRequestId…); else X-Request-Id, else a new UUID. */
  requestId?: (env: unknown) => string | undefined;
  /** The content version held when the response was made; undefined before any was read. */
  version: () => string | undefined;
}

// A caller's X-Request-Id is logged only when it looks like an id: never a megabyte, never a forged line.
const CALLER_ID = /^[\w.:@/+=-]{1,128}$/;

// Each route's pattern without its regular expressions (`/:file`), made once per route.
const pattern = remembered((path) => path.replace(/\{[^}]*\}/g, ""));

/** A middleware that logs each request once its response is ready, and never fails it. */
export function requestLog({ logger, requestId, version }: RequestLogOptions): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    await next();
    try {
      const status = c.res.status;
      const level = status >= 500 ? "error" : "info";
      // At NEWS_BRIEF_LOG_LEVEL=warn a 200's line would be dropped: it costs nothing, not even its UUID.
      if (!keeps(logger, level)) return;
      const caller = c.req.header("X-Request-Id");
      const hostId = requestId?.(c.env);
      // The route that answered is the last one run, unless that is a middleware (it takes `next`): then none did.
      const last = matchedRoutes(c)[c.req.routeIndex];
      logger.log({
        level,
        message: "request",
        requestId: hostId ?? (caller && CALLER_ID.test(caller) ? caller : crypto.randomUUID()),
        method: c.req.method,
        // The pattern that answered (`/briefs/:id`), never the raw path; null when no route matched (a 404).
        route: last && last.handler.length < 2 ? pattern(last.path) : null,
        status,
        durationMs: Math.round((performance.now() - started) * 10) / 10,
        version: version() ?? null,
      });
    } catch {
      // A log line is never worth a failed response.
    }
  };
}

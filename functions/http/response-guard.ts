// The middleware every answer passes through: it marks the answer nosniff and lets error pages read the site.
import type { Context, MiddlewareHandler } from "hono";
import type { Reading } from "../app.js";

const readers = new WeakMap<Request, () => Promise<Reading>>();

/** How an error page of this request reads the site's name, language and links; undefined outside the app. */
export function readerOf(c: Context): (() => Promise<Reading>) | undefined {
  return readers.get(c.req.raw);
}

/**
 * Remembers `read` for the error pages of each request, and adds `X-Content-Type-Options: nosniff` to every
 * answer, so that no browser takes a feed, a message or a script for something else.
 */
export function responseGuard(read: () => Promise<Reading>): MiddlewareHandler {
  return async (c, next) => {
    readers.set(c.req.raw, read);
    await next();
    if (!c.res.headers.has("X-Content-Type-Options")) {
      try {
        c.res.headers.set("X-Content-Type-Options", "nosniff");
      } catch {
        // Headers of a response taken as is from elsewhere are immutable; copy it once.
        c.res = new Response(c.res.body, c.res);
        c.res.headers.set("X-Content-Type-Options", "nosniff");
      }
    }
  };
}

// The middleware every answer passes through: it marks the answer nosniff and lets error pages read the site.
import type { Context, MiddlewareHandler } from "hono";
import type { Reading } from "../app.js";
import { NOSNIFF } from "./security-headers.js";

const readers = new WeakMap<Request, () => Promise<Reading>>();

/** How an error page of this request reads the site's name, language and links; undefined outside the app. */
export function readerOf(c: Context): (() => Promise<Reading>) | undefined {
  return readers.get(c.req.raw);
}

/**
 * Remembers `read` for the error pages of each request, and adds NOSNIFF to every answer, so that no browser
 * takes a feed, a message or a script for something else. The headers of each kind of HTML page are the
 * routes' to choose (security-headers.ts), since they go on the 304s too.
 */
export function responseGuard(read: () => Promise<Reading>): MiddlewareHandler {
  return async (c, next) => {
    readers.set(c.req.raw, read);
    await next();
    try {
      for (const [name, value] of Object.entries(NOSNIFF)) c.res.headers.set(name, value);
    } catch {
      // Headers of a response taken as is from elsewhere are immutable; copy it once.
      c.res = new Response(c.res.body, c.res);
      for (const [name, value] of Object.entries(NOSNIFF)) c.res.headers.set(name, value);
    }
  };
}

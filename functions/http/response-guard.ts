// The middleware every answer passes through: it marks the answer nosniff and lets error pages read the site.
import type { Context, MiddlewareHandler } from "hono";
import type { Reading } from "../app.js";
import { NOSNIFF } from "./security-headers.js";

const readers = new WeakMap<Request, () => Promise<Reading>>();
const everyAnswer = new WeakMap<Request, Record<string, string>>();
const complete = new WeakSet<Response>();

/** Puts `headers` on every answer to this request, errors included (a middleware calls it before `next`). */
export function onEveryAnswer(c: Context, headers: Readonly<Record<string, string>>): void {
  everyAnswer.set(c.req.raw, { ...everyAnswer.get(c.req.raw), ...headers });
}

/**
 * The headers every answer to this request carries: NOSNIFF, then those of onEveryAnswer. An answer made with
 * them and passed to `markComplete` is sent as it is, its headers a plain object: on Node.js the adapter then
 * writes it straight to the socket, with no Headers object made and read back per request.
 */
export function everyAnswerHeaders(c: Context): Record<string, string> {
  const extra = everyAnswer.get(c.req.raw);
  return extra ? { ...NOSNIFF, ...extra } : { ...NOSNIFF };
}

/** Marks `response` as carrying everyAnswerHeaders already. */
export function markComplete(response: Response): Response {
  complete.add(response);
  return response;
}

/** How an error page of this request reads the site's name, language and links; undefined outside the app. */
export function readerOf(c: Context): (() => Promise<Reading>) | undefined {
  return readers.get(c.req.raw);
}

/**
 * Remembers `read` for the error pages of each request, and puts everyAnswerHeaders (NOSNIFF, so that no
 * browser takes a feed, a message or a script for something else, and those of onEveryAnswer) on every answer
 * not marked complete. The headers of each kind of HTML page are the routes' to choose (security-headers.ts),
 * since they go on the 304s too.
 */
export function responseGuard(read: () => Promise<Reading>): MiddlewareHandler {
  return async (c, next) => {
    readers.set(c.req.raw, read);
    await next();
    if (complete.has(c.res)) return;
    const headers = Object.entries(everyAnswerHeaders(c));
    try {
      for (const [name, value] of headers) c.res.headers.set(name, value);
    } catch {
      // Headers of a response taken as is from elsewhere are immutable; copy it once.
      c.res = new Response(c.res.body, c.res);
      for (const [name, value] of headers) c.res.headers.set(name, value);
    }
  };
}

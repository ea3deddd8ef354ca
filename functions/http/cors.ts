// CORS for what any page may read (feeds, API, oEmbed, the widget script): every origin, GET and HEAD, no credentials.
import type { MiddlewareHandler } from "hono";
import { cors } from "hono/cors";
import { onEveryAnswer } from "./response-guard.js";

/** The methods any route answers, and the only ones a preflight allows. */
export const READ_METHODS = "GET, HEAD";

/** How long a browser keeps a preflight's answer, in seconds. */
const PREFLIGHT_MAX_AGE = 86_400;

const everyOrigin = cors({
  origin: "*",
  allowMethods: ["GET", "HEAD"],
  // Request headers are allowed as the preflight asks (If-None-Match, X-Requested-With…): without
  // credentials a page learns nothing that a request from anywhere else would not, and only GET and HEAD pass.
  maxAge: PREFLIGHT_MAX_AGE,
});

const EVERY_ORIGIN = { "Access-Control-Allow-Origin": "*" };

/**
 * `Access-Control-Allow-Origin: *` on every answer, errors included, and never
 * `Access-Control-Allow-Credentials`: a browser then sends no cookie and reads no answer made for one
 * (Fetch §3.2.5). A preflight (OPTIONS) answers 204 allowing GET and HEAD only, so a browser refuses a
 * cross-origin PUT or DELETE before sending it; the 204 names them in `Allow` too (RFC 9110 §9.3.7).
 *
 * Other requests get the header through onEveryAnswer, not on `c.res` before the answer exists as hono/cors
 * sets it: that makes Hono copy the answer into a new Response, which on Node.js turns the adapter's light
 * response (written straight to the socket) into a full one whose body is read back as a stream.
 */
export const openToEveryOrigin: MiddlewareHandler = async (c, next) => {
  if (c.req.method === "OPTIONS") {
    const preflight = await everyOrigin(c, next);
    if (preflight) preflight.headers.set("Allow", READ_METHODS);
    return preflight;
  }
  onEveryAnswer(c, EVERY_ORIGIN);
  await next();
};

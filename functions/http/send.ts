// Sends a Representation: 304 when the client's copy is current, else the body in the best accepted coding.
import type { Context } from "hono";
import { remembered } from "../remembered.js";
import { isNotModified } from "./conditional-get.js";
import { codingFor, MIN_COMPRESSIBLE_BYTES } from "./content-coding.js";
import type { Representation } from "./representation.js";
import { everyAnswerHeaders, markComplete } from "./response-guard.js";

/** A choice between media types for the same bytes, made on a request header. */
export interface MediaTypeVariant {
  /** The media type chosen for this request; the representation's own when absent. */
  contentType?: string;
  /** Appended to the ETag when another type is chosen: that is another representation (RFC 9110 §8.8.3). */
  etagSuffix?: string;
  /** The request header the choice depends on, added to Vary on every answer. */
  varyOn: string;
}

// The routes' header names, lower-cased once each: they are the few constants of the code.
const lowerCase = remembered((name) => name.toLowerCase());

/** Answers `c` with `representation`; `headers` go on both 200 and 304 (RFC 9110 §15.4.5). */
export function send(
  c: Context,
  representation: Representation,
  headers: Record<string, string> = {},
  variant?: MediaTypeVariant,
): Response {
  const etag = variant?.etagSuffix
    ? representation.etag.replace(/"$/, `-${variant.etagSuffix}"`)
    : representation.etag;
  // Lower-case names, as a Headers object would write them; each property set on its own (see assign).
  const common = everyAnswerHeaders(c);
  for (const name in headers) common[lowerCase(name)] = headers[name] as string;
  common.etag = etag;
  common.vary = variant ? `Accept-Encoding, ${variant.varyOn}` : "Accept-Encoding";
  if (representation.lastModified) common["last-modified"] = representation.httpDate as string;
  const conditions = {
    ifNoneMatch: c.req.header("If-None-Match"),
    ifModifiedSince: c.req.header("If-Modified-Since"),
  };
  if (isNotModified(conditions, etag, representation.lastModified)) {
    return markComplete(c, new Response(null, { status: 304, headers: common }));
  }
  const coding =
    representation.bytes.byteLength >= MIN_COMPRESSIBLE_BYTES
      ? codingFor(c.req.header("Accept-Encoding"))
      : undefined;
  const bytes = coding ? representation.encoded(coding) : representation.bytes;
  common["content-type"] = variant?.contentType ?? representation.contentType;
  if (coding) common["content-encoding"] = coding;
  // Made here rather than by c.body, which copies any headers into a Headers object: see everyAnswerHeaders.
  return markComplete(c, new Response(bytes, { status: 200, headers: common }));
}

// Sends a Representation: 304 when the client's copy is current, else the body in the best accepted coding.
import type { Context } from "hono";
import { isNotModified } from "./conditional-get.js";
import { MIN_COMPRESSIBLE_BYTES, negotiateCoding } from "./content-coding.js";
import type { Representation } from "./representation.js";

/** Answers `c` with `representation`; `headers` go on both 200 and 304 (RFC 9110 §15.4.5). */
export function send(
  c: Context,
  representation: Representation,
  headers: Record<string, string> = {},
): Response {
  const common: Record<string, string> = {
    ...headers,
    ETag: representation.etag,
    Vary: "Accept-Encoding",
    ...(representation.lastModified && { "Last-Modified": representation.lastModified.toUTCString() }),
  };
  const conditions = {
    ifNoneMatch: c.req.header("If-None-Match"),
    ifModifiedSince: c.req.header("If-Modified-Since"),
  };
  if (isNotModified(conditions, representation.etag, representation.lastModified)) {
    return c.body(null, 304, common);
  }
  const coding =
    representation.bytes.byteLength >= MIN_COMPRESSIBLE_BYTES
      ? negotiateCoding(c.req.header("Accept-Encoding"))
      : undefined;
  const bytes = coding ? representation.encoded(coding) : representation.bytes;
  return c.body(bytes, 200, {
    ...common,
    "Content-Type": representation.contentType,
    ...(coding && { "Content-Encoding": coding }),
  });
}

// Decides whether a GET or HEAD can be answered 304 Not Modified (RFC 9110 §13.1.2, §13.1.3, §13.2.2).

/** The request's validators. */
export interface Conditions {
  ifNoneMatch: string | undefined;
  ifModifiedSince: string | undefined;
}

/**
 * True when the client's copy is current. If-None-Match wins when present (weak comparison, `*` matches);
 * If-Modified-Since counts only without it, and only when it parses as a date.
 */
export function isNotModified(
  { ifNoneMatch, ifModifiedSince }: Conditions,
  etag: string,
  lastModified?: Date,
): boolean {
  if (ifNoneMatch !== undefined) {
    // What a client sends back nearly always: the one ETag it was given.
    if (ifNoneMatch === etag) return true;
    const opaque = (tag: string) => tag.trim().replace(/^W\//, "");
    return ifNoneMatch.trim() === "*" || ifNoneMatch.split(",").some((tag) => opaque(tag) === opaque(etag));
  }
  if (ifModifiedSince === undefined || !lastModified) return false;
  const since = Date.parse(ifModifiedSince);
  // HTTP dates have whole seconds; the resource's date is compared at the same precision.
  return !Number.isNaN(since) && Math.floor(lastModified.getTime() / 1000) * 1000 <= since;
}

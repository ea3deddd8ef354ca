// Cache lifetimes, in one place so feeds, API and pages agree.

/** Feeds and API answers: browsers 5 min, CDNs 10 min, served stale while refreshing or when the origin fails. */
export const SHORT_CACHE =
  "public, max-age=300, s-maxage=600, stale-while-revalidate=3600, stale-if-error=86400";

/** The feed stylesheet: it changes only with a deployment, so a day, then a week of background refresh. */
export const SCRIPT_CACHE = "public, max-age=86400, stale-while-revalidate=604800, stale-if-error=604800";

/**
 * The widget under the name partners paste: 5 minutes, so a new version reaches every partner page within
 * minutes of a deployment; meanwhile a stale copy is used once while it refreshes (any version works with the API).
 */
export const WIDGET_CACHE = "public, max-age=300, stale-while-revalidate=86400, stale-if-error=604800";

/** A file whose name holds the hash of its bytes (RFC 8246): it can never change, so a year, never revalidated. */
export const IMMUTABLE_CACHE = "public, max-age=31536000, immutable";

/**
 * 410 for a withdrawn brief: a withdrawal is meant to last, so CDNs keep the answer a day, which spares the
 * origin the crawlers that keep asking for it; browsers keep it an hour. Should the brief be published again,
 * publishing purges its paths from the CDN (infra/store/changed-paths.ts), so only a browser's copy lags.
 */
export const GONE_CACHE = "public, max-age=3600, s-maxage=86400";

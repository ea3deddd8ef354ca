// Cache lifetimes, in one place so feeds, API and pages agree.

/** Feeds and API answers: browsers 5 min, CDNs 10 min, served stale while refreshing or when the origin fails. */
export const SHORT_CACHE =
  "public, max-age=300, s-maxage=600, stale-while-revalidate=3600, stale-if-error=86400";

/** The widget script: its URL never changes, so a day, then a week of background refresh. */
export const SCRIPT_CACHE = "public, max-age=86400, stale-while-revalidate=604800, stale-if-error=604800";

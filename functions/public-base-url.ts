// Reads the PUBLIC_BASE_URL override, the one setting a host gives the app.

/** PUBLIC_BASE_URL when set (it must be an absolute http(s) URL), else `fallback` (by default none: the site's). */
export function publicBaseUrl(
  env: Record<string, string | undefined>,
  fallback?: string,
): string | undefined {
  const value = env.PUBLIC_BASE_URL?.trim();
  if (!value) return fallback;
  if (!URL.canParse(value) || !/^https?:$/.test(new URL(value).protocol)) {
    throw new Error(
      `PUBLIC_BASE_URL must be an absolute http(s) URL, like https://briefs.example.com; got "${value}"`,
    );
  }
  return value.replace(/\/+$/, "");
}

// The one test every URL from the API passes before it becomes an href.

/** True when `value` is a string starting with `http://` or `https://`, so it can never be a `javascript:` or `data:` URL. */
export function isHttpUrl(value: unknown): value is string {
  return typeof value === "string" && /^https?:\/\//i.test(value);
}

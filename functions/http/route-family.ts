// Which kind of client a path serves, in one place: it decides the shape of every error answer.

/** `api`: JSON errors; `document`: plain-text errors (feeds, scripts, machine files); `page`: HTML error pages. */
export type RouteFamily = "api" | "document" | "page";

// Files read by programs (feeds, their stylesheet, the widget, sitemaps, robots.txt): any name with one of these extensions.
const DOCUMENT_FILE = /\.(?:xml|json|xsl|js|txt)$/i;

/** The family of a request path: /api/ is the API, /oembed and files for programs are documents, the rest are pages. */
export function routeFamily(path: string): RouteFamily {
  if (path.startsWith("/api/") || path === "/api") return "api";
  if (path === "/oembed" || path.startsWith("/widget/") || DOCUMENT_FILE.test(path)) return "document";
  return "page";
}

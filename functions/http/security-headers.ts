// The security headers of every answer, in one place: nosniff on all, and per kind of HTML page its
// Content-Security-Policy, referrer and framing rules, with the inline style and script allowed by hash.
import { EMBED_CSS, EMBED_SCRIPT } from "../oembed/embed-assets.js";
import { PAGE_CSS } from "../pages/page-css.js";
import { base64, sha256 } from "./digest.js";

/** On every answer, errors and 304s included: no browser takes a feed, a message or a script for another type. */
export const NOSNIFF: Readonly<Record<string, string>> = { "X-Content-Type-Options": "nosniff" };

/** A CSP 3 hash source (§8.3) for an inline element whose text is exactly `text`. */
export const hashSource = (text: string) => `'sha256-${base64(sha256(text))}'`;

/**
 * The pages' policy (layout.ts). Scripts come from the site only: the front page's widget, by its hashed
 * /widget/ URL. The JSON-LD `<script type="application/ld+json">` is a data block, which is never run, so
 * script-src does not apply to it (HTML §4.12.1.1). Lit styles the widget through adoptedStyleSheets,
 * which style-src does not govern. Briefs' images live on other https hosts; the favicon is a data: URL.
 */
const PAGE_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  `style-src ${hashSource(String(PAGE_CSS))}`,
  "img-src 'self' https: data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
];

/** Nothing loads; only EMBED_SCRIPT and EMBED_CSS run, by hash; no `<base>` and no form can redirect it. */
const EMBED_POLICY = [
  "default-src 'none'",
  `script-src ${hashSource(EMBED_SCRIPT)}`,
  `style-src ${hashSource(EMBED_CSS)}`,
  "base-uri 'none'",
  "form-action 'none'",
];

// Full URL within the site, only the origin to other sites, nothing over a downgrade to http.
const REFERRER_POLICY = { "Referrer-Policy": "strict-origin-when-cross-origin" };

/**
 * The kinds of HTML the site sends: `page`, shown in its own tab only; `embed`, the oEmbed frame any page
 * may show; `framed-page`, a page where that frame points (the 404 or 410 of an /embed/ address), so
 * that a partner's frame of a withdrawn brief says so instead of showing the browser's refusal.
 */
export type HtmlKind = "page" | "embed" | "framed-page";

/** The headers each kind of HTML is sent with, on its 200s and 304s alike. */
export const HTML_HEADERS: Readonly<Record<HtmlKind, Readonly<Record<string, string>>>> = {
  page: {
    "Content-Security-Policy": [...PAGE_POLICY, "frame-ancestors 'none'"].join("; "),
    ...REFERRER_POLICY,
    // For browsers older than CSP 2's frame-ancestors.
    "X-Frame-Options": "DENY",
  },
  embed: {
    "Content-Security-Policy": [...EMBED_POLICY, "frame-ancestors *"].join("; "),
    ...REFERRER_POLICY,
  },
  "framed-page": {
    "Content-Security-Policy": [...PAGE_POLICY, "frame-ancestors *"].join("; "),
    ...REFERRER_POLICY,
  },
};

/** The kind of an error page at `path`: framable under /embed/, where partners' iframes point. */
export function errorPageKind(path: string): HtmlKind {
  return path.startsWith("/embed/") ? "framed-page" : "page";
}

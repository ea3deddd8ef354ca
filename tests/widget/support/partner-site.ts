// A partner's page on one origin embedding <news-brief>, the brief API on another, both seen from real Chromium.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { bundleWidget } from "../../../infra/bundle.js";
import { launchChromium } from "./browser.js";
import { type Handler, respond, startServer, type TestServer } from "./http-server.js";

/**
 * The reader's time zone in every page: there the fixture's publication instant (10 June, 09:00 in Paris)
 * is still 9 June, so a date formatted in the reader's zone instead of the publisher's would show.
 */
export const READER_TIME_ZONE = "Pacific/Honolulu";

const JAVASCRIPT = { "content-type": "text/javascript; charset=utf-8" };

// Runs before the widget on every page and keeps what the page's document saw of the widget's events, of its
// Content-Security-Policy violations and of its layout shifts (buffered, so shifts before the observer count too).
const RECORD_EVENTS = `window.briefEvents = [];
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.cspViolations.push(event.violatedDirective + " " + event.blockedURI);
});
window.layoutShifts = [];
new PerformanceObserver((list) => {
  for (const shift of list.getEntries()) if (!shift.hadRecentInput) window.layoutShifts.push(shift.value);
}).observe({ type: "layout-shift", buffered: true });
for (const type of ["brief-load", "brief-error"]) {
  document.addEventListener(type, (event) => {
    if (event.briefs) window.loadedTitles = event.briefs.map((brief) => brief.title);
    window.briefEvents.push({
      type: event.type,
      reason: event.reason ?? null,
      title: event.brief?.title ?? null,
      bubbles: event.bubbles,
      composed: event.composed,
      subclass: Object.getPrototypeOf(event) !== Event.prototype,
    });
  });
}`;

/** What the page's document received from one `brief-load` or `brief-error`. */
export interface RecordedEvent {
  type: string;
  reason: string | null;
  title: string | null;
  bubbles: boolean;
  composed: boolean;
  /** True when the event is an instance of a subclass of Event. */
  subclass: boolean;
}

/** An uncaught page error or a console error, with the URL the browser attributes it to. */
export interface PageProblem {
  text: string;
  url: string;
}

/**
 * A browser with one tab, the partner's server (serving `/news-brief.js` from `bundleWidget()`) and the API's
 * server. Tests navigate the one tab: opening a tab costs Chromium a new renderer process (about 600 ms here),
 * navigating within the partner's origin about 100 ms.
 */
export interface PartnerSite {
  browser: Browser;
  page: Page;
  partner: TestServer;
  /** Another port than the partner's, so every request to it is cross-origin. */
  api: TestServer;
  /** The widget bundle served at `/news-brief.js`. */
  widgetScript: string;
  close(): Promise<void>;
}

/** Page content and headers for {@link openPartnerPage}. */
export interface PartnerPageOptions {
  /** Markup inside `<body>`. */
  body: string;
  /** Extra markup in `<head>`, after the event recorder and before the widget's script. */
  head?: string;
  /** `<html lang>`; default `en`. */
  lang?: string;
  /**
   * Send the strict Content-Security-Policy a careful partner would (no inline script or style, scripts from
   * the partner's origin, which serves the widget, connections to the API only); default true.
   */
  csp?: boolean;
  /** Add `require-trusted-types-for 'script'` to that policy, so assigning a string to `innerHTML` throws; default false. */
  trustedTypes?: boolean;
  /** Script URLs of the widget; default the bundle once. */
  widgetScripts?: string[];
}

// The problem list of the page now open in each site's tab; openPartnerPage starts a new one per page.
const problems = new WeakMap<Page, PageProblem[]>();

/** Bundles the widget, launches Chromium and starts both servers; one per test file. */
export async function startPartnerSite(): Promise<PartnerSite> {
  const [bundle, browser, partner, api] = await Promise.all([
    bundleWidget(),
    launchChromium(),
    startServer(),
    startServer(),
  ]);
  partner.route("/news-brief.js", respond(200, bundle, JAVASCRIPT));
  partner.route("/record-events.js", respond(200, RECORD_EVENTS, JAVASCRIPT));
  // Chromium asks every page's origin for one; a 404 would be logged as a console error.
  partner.route("/favicon.ico", respond(204, ""));
  const context = await browser.newContext({ timezoneId: READER_TIME_ZONE, locale: "en-US" });
  const page = await context.newPage();
  page.on("pageerror", (error) =>
    problems.get(page)?.push({ text: `${error.name}: ${error.message}`, url: "" }),
  );
  page.on("console", (message) => {
    if (message.type() === "error")
      problems.get(page)?.push({ text: message.text(), url: message.location().url });
  });
  return {
    browser,
    page,
    partner,
    api,
    widgetScript: bundle,
    close: async () => {
      await browser.close();
      await Promise.all([partner.close(), api.close()]);
    },
  };
}

/** One partner site for the calling test file: started before its tests, closed after them. */
export function usePartnerSite(): PartnerSite {
  const site = {} as PartnerSite;
  beforeAll(async () => {
    Object.assign(site, await startPartnerSite());
  });
  afterAll(() => site.close?.());
  return site;
}

/** Serves `body` (JSON-encoded unless a string) at `path` on the API with `Access-Control-Allow-Origin: *`. */
export function serveJson(api: TestServer, path: string, body: unknown, status = 200): string {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  api.route(
    path,
    respond(status, text, { "content-type": "application/json", "access-control-allow-origin": "*" }),
  );
  return api.origin + path;
}

/** Serves `body` as {@link serveJson} does, but only `delayMs` after each request arrives. */
export function serveJsonLate(api: TestServer, path: string, body: unknown, delayMs: number): string {
  const answer = respond(200, JSON.stringify(body), {
    "content-type": "application/json",
    "access-control-allow-origin": "*",
  });
  api.route(path, (request, response) => setTimeout(() => answer(request, response), delayMs));
  return api.origin + path;
}

/** Serves `css` at `path` on the partner's origin, so pages under the CSP can link it; returns the path. */
export function serveCss(site: PartnerSite, path: string, css: string): string {
  site.partner.route(path, respond(200, css, { "content-type": "text/css" }));
  return path;
}

/** Serves `handler` at `path` on the API and returns the full URL. */
export function serveApi(api: TestServer, path: string, handler: Handler): string {
  api.route(path, handler);
  return api.origin + path;
}

let pages = 0;

/**
 * Serves a partner page at a fresh path, loads it in the site's tab and returns the tab with the list of
 * uncaught errors and console errors this page has had so far (the list keeps filling).
 */
export async function openPartnerPage(
  site: PartnerSite,
  {
    body,
    head = "",
    lang = "en",
    csp = true,
    trustedTypes = false,
    widgetScripts = ["/news-brief.js"],
  }: PartnerPageOptions,
): Promise<{ page: Page; problems: PageProblem[] }> {
  const path = `/page-${++pages}`;
  const scripts = widgetScripts.map((src) => `<script type="module" src="${src}"></script>`).join("");
  const html = `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>Partner blog</title>
<script src="/record-events.js"></script>${head}${scripts}</head><body>${body}</body></html>`;
  const policy = `default-src 'self'; script-src ${site.partner.origin}; style-src 'self'; connect-src ${site.api.origin}${trustedTypes ? "; require-trusted-types-for 'script'" : ""}`;
  const headers = {
    "content-type": "text/html; charset=utf-8",
    ...(csp && { "content-security-policy": policy }),
  };
  site.partner.route(path, respond(200, html, headers));

  const { page } = site;
  const seen: PageProblem[] = [];
  problems.set(page, seen);
  await page.goto(site.partner.origin + path);
  return { page, problems: seen };
}

/** The titles of every brief the last `brief-load` carried in `event.briefs`. */
export function loadedTitles(page: Page): Promise<string[] | undefined> {
  return page.evaluate(() => (window as unknown as { loadedTitles?: string[] }).loadedTitles);
}

/** Waits (up to `waitMs`) until the document has seen `count` widget events and returns all it has seen. */
export function briefEvents(page: Page, count = 1, waitMs = 5000): Promise<RecordedEvent[]> {
  return page.evaluate(
    async ([count, waitMs]) => {
      const seen = (window as unknown as { briefEvents: RecordedEvent[] }).briefEvents;
      const deadline = Date.now() + waitMs;
      while (seen.length < count && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 10));
      return seen;
    },
    [count, waitMs] as const,
  );
}

/**
 * The problems left after setting aside the lines Chromium itself logs for a request to `failingUrl` that
 * failed on purpose ("Failed to load resource: …" and the CORS refusal); everything else counts.
 */
export function unexpectedProblems(problems: PageProblem[], failingUrl?: string): PageProblem[] {
  return problems.filter(
    ({ text, url }) =>
      !failingUrl ||
      !(
        (url === failingUrl && text.startsWith("Failed to load resource: ")) ||
        (text.startsWith(`Access to fetch at '${failingUrl}' from origin `) &&
          text.includes("blocked by CORS policy"))
      ),
  );
}

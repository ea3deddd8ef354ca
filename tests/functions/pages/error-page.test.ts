// The 404, 410 and 503 pages in Chromium: their heading and links in the site's language, no console error,
// no axe-core violation, and a hostile address shown as text.
import { readFile } from "node:fs/promises";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { type RunningServer, startServer } from "../../../functions/adapters/node-server.js";
import { Content } from "../../../functions/catalog/content.js";
import { generatedCatalog } from "../../fixtures/catalog.js";
import { WIDGET_SCRIPT } from "../../support/test-app.js";
import { storeOf } from "../../support/test-content.js";
import { launchChromium } from "../../widget/support/browser.js";

const WITHDRAWN = "brief-withdrawn";
/** A brief whose document is gone from the store, though the index names it: its page answers 503. */
const DAMAGED = "brief-0002";
const serve = async (lang: string) => {
  const store = storeOf(generatedCatalog(3, { lang }), [WITHDRAWN]);
  for (const key of await store.list(`briefs/${DAMAGED}.`)) await store.delete(key);
  return startServer(new Content(store), WIDGET_SCRIPT, { port: 0, hostname: "127.0.0.1", env: {} });
};

let browser: Browser;
let tab: Page;
let servers: Record<"fr" | "en", RunningServer>;
let axeSource: string;
/**
 * Console errors, page errors and alert() messages since the last page was opened; Chromium's own line
 * about the document's status (404 or 410, the point of the page) is not one.
 */
let problems: string[] = [];

beforeAll(async () => {
  // The 503s log the damaged document's key on stdout; keep the test output to the results.
  vi.spyOn(console, "log").mockImplementation(() => {});
  const [fr, en, launched, axe] = await Promise.all([
    serve("fr"),
    serve("en"),
    launchChromium(),
    readFile("node_modules/axe-core/axe.min.js", "utf8"),
  ]);
  servers = { fr, en };
  browser = launched;
  axeSource = axe;
  tab = await browser.newPage();
  tab.on("console", (message) => {
    const ownStatus =
      message.location().url === tab.url() && message.text().startsWith("Failed to load resource");
    if (message.type() === "error" && !ownStatus) problems.push(`console: ${message.text()}`);
  });
  tab.on("pageerror", (error) => problems.push(`page: ${error.message}`));
  tab.on("dialog", (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
});

afterAll(async () => {
  vi.restoreAllMocks();
  await browser?.close();
  await Promise.all(Object.values(servers ?? {}).map((server) => server.close()));
});

/** Opens `path` of the site in `lang`; the status of the answer. */
async function open(lang: "fr" | "en", path: string): Promise<number | undefined> {
  problems = [];
  const response = await tab.goto(`${servers[lang].url}${path}`);
  return response?.status();
}

/** The WCAG 2 A and AA violations axe-core finds in the open page: rule id and node count. */
async function axeViolations(): Promise<{ id: string; nodes: number }[]> {
  // Run through DevTools, which the page's CSP does not govern, as it rightly refuses an inline script.
  await tab.evaluate(axeSource);
  return tab.evaluate(async () => {
    const { axe } = window as unknown as {
      axe: {
        run(context: Document, options: object): Promise<{ violations: { id: string; nodes: unknown[] }[] }>;
      };
    };
    const results = await axe.run(document, { runOnly: ["wcag2a", "wcag2aa"] });
    return results.violations.map((violation) => ({ id: violation.id, nodes: violation.nodes.length }));
  });
}

const CASES = [
  { lang: "fr", path: "/briefs/nope", status: 404, heading: "Cette page n’existe pas", home: "Voir toutes" },
  { lang: "fr", path: "/no/such/page", status: 404, heading: "Cette page n’existe pas", home: "Voir toutes" },
  {
    lang: "fr",
    path: `/briefs/${WITHDRAWN}`,
    status: 410,
    heading: "Cette brève a été retirée",
    home: "Voir toutes",
  },
  { lang: "en", path: "/tags/nope", status: 404, heading: "This page does not exist", home: "See every" },
  {
    lang: "en",
    path: `/briefs/${WITHDRAWN}`,
    status: 410,
    heading: "This brief was withdrawn",
    home: "See every",
  },
  {
    lang: "fr",
    path: `/briefs/${DAMAGED}`,
    status: 503,
    heading: "Cette page est momentanément indisponible",
    home: "Voir toutes",
  },
  {
    lang: "en",
    path: `/briefs/${DAMAGED}`,
    status: 503,
    heading: "This page is unavailable for a moment",
    home: "See every",
  },
] as const;

describe("error pages in Chromium", () => {
  test.each(CASES)("$lang $path: $status, heading, links, no error, no axe violation", async (c) => {
    expect(await open(c.lang, c.path)).toBe(c.status);
    expect(await tab.locator("html").getAttribute("lang")).toBe(c.lang);
    expect(await tab.locator("h1").textContent()).toBe(c.heading);
    const home = tab.locator("main a", { hasText: c.home });
    expect(await home.getAttribute("href")).toBe(`${servers[c.lang].url}/`);
    const feeds = await tab
      .locator("footer a[type]")
      .evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).pathname));
    expect(feeds).toEqual(["/feed.xml", "/atom.xml", "/feed.json"]);
    expect(await axeViolations()).toEqual([]);
    expect(problems).toEqual([]);
  });

  test("a hostile address shows as text and runs nothing", async () => {
    const hostile = "<script>alert(1)</script><img src=x onerror=alert(2)>";
    expect(await open("fr", `/briefs/${encodeURIComponent(hostile)}`)).toBe(404);
    expect(await tab.locator("main code").textContent()).toBe(`/briefs/${hostile}`);
    expect(await tab.locator("body script, body img").count()).toBe(0);
    expect(problems).toEqual([]);
  });
});

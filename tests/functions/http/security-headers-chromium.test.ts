// The security headers in Chromium: the site's pages run under their CSP without a single violation (the
// front page's widget included), the CSP refuses injected scripts, and only the embed page may be framed.
import { readFile } from "node:fs/promises";
import type { Browser, BrowserContext, Frame, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type RunningServer, startServer as startApp } from "../../../functions/adapters/node-server.js";
import { Content } from "../../../functions/catalog/content.js";
import { widgetFileName } from "../../../infra/bundle.js";
import { generatedCatalog } from "../../fixtures/catalog.js";
import { storeOf } from "../../support/test-content.js";
import { launchChromium } from "../../widget/support/browser.js";
import { respond, startServer, type TestServer } from "../../widget/support/http-server.js";

const WITHDRAWN = "brief-withdrawn";
/** The newest of three briefs: the front page's widget shows it; it has an image on another https host. */
const BRIEF = "brief-0003";
const TITLE = "Brief numéro 3";
/** The smallest PNG: one transparent pixel. */
const PIXEL = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=",
  "base64",
);

let app: RunningServer;
let partner: TestServer;
let browser: Browser;

beforeAll(async () => {
  // The widget bundle `npm run build` wrote, as it ships: the front page embeds it.
  const text = await readFile("dist/widget/news-brief.js", "utf8");
  const content = new Content(storeOf(generatedCatalog(3), [WITHDRAWN]));
  [app, partner, browser] = await Promise.all([
    startApp(content, { text, file: widgetFileName(text) }, { port: 0, hostname: "127.0.0.1", env: {} }),
    startServer(),
    launchChromium(),
  ]);
  partner.route("/favicon.ico", respond(204, ""));
});

afterAll(async () => {
  await browser?.close();
  await Promise.all([app?.close(), partner?.close()]);
});

interface Violation {
  directive: string;
  blocked: string;
  document: string;
}

interface Opened {
  context: BrowserContext;
  page: Page;
  /** Page errors, and console errors but the one about the document's own 404 or 410. */
  problems: string[];
  /** The status of the document. */
  status: number | undefined;
}

/**
 * Opens `url` in a fresh context that records, in every frame, each `securitypolicyviolation` event, and
 * answers the briefs' image host (https://img.example.com) with a pixel, so nothing leaves the machine.
 */
async function open(url: string): Promise<Opened> {
  const context = await browser.newContext();
  await context.route("https://img.example.com/**", (route) =>
    route.fulfill({ status: 200, contentType: "image/png", body: PIXEL }),
  );
  await context.addInitScript(() => {
    const seen: Violation[] = [];
    Object.assign(window, { violations: seen });
    document.addEventListener(
      "securitypolicyviolation",
      (event) =>
        seen.push({
          directive: event.effectiveDirective,
          blocked: event.blockedURI,
          document: event.documentURI,
        }),
      true,
    );
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(`page: ${error.message}`));
  page.on("console", (message) => {
    const ownStatus =
      message.location().url === page.url() && message.text().startsWith("Failed to load resource");
    if (message.type() === "error" && !ownStatus) problems.push(`console: ${message.text()}`);
  });
  const response = await page.goto(url);
  return { context, page, problems, status: response?.status() };
}

const violationsIn = (frame: Page | Frame) =>
  frame.evaluate(() => (window as unknown as { violations: Violation[] }).violations);

/** Lets a violation caused by the last load be reported: events are queued as a task. */
const settle = (page: Page) => page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 100)));

describe("the site's pages under their CSP", () => {
  test("the front page shows the widget demo, styled by adopted style sheets, with no violation", async () => {
    const { context, page, problems } = await open(`${app.url}/`);
    // The widget fetches once it is near the viewport.
    await page.locator("news-brief").scrollIntoViewIfNeeded();
    await page.waitForFunction(
      () => document.querySelector("news-brief")?.shadowRoot?.querySelector("[part=title]") != null,
    );
    const widget = await page.evaluate(() => {
      const root = document.querySelector("news-brief")?.shadowRoot;
      return {
        title: root?.querySelector("[part=title]")?.textContent?.trim(),
        sheets: root?.adoptedStyleSheets.length ?? 0,
        styleElements: root?.querySelectorAll("style").length ?? 0,
      };
    });
    expect(widget).toEqual({ title: TITLE, sheets: 1, styleElements: 0 });
    expect(await page.locator('script[type="application/ld+json"]').count()).toBe(1);
    await settle(page);
    expect(await violationsIn(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  test("a brief page shows its image from another https host and its JSON-LD, with no violation", async () => {
    const { context, page, problems } = await open(`${app.url}/briefs/${BRIEF}`);
    const image = page.locator("article img");
    await image.evaluate((img: HTMLImageElement) => img.decode());
    expect(await image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1);
    expect(await page.locator('script[type="application/ld+json"]').count()).toBe(1);
    await settle(page);
    expect(await violationsIn(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  test.each([
    ["/no/such/page", 404],
    [`/briefs/${WITHDRAWN}`, 410],
  ])("the error page of %s (%i) is styled, with no violation", async (path, status) => {
    const { context, page, problems, status: answered } = await open(`${app.url}${path}`);
    expect(answered).toBe(status);
    // The inline stylesheet applied: the footer's rule draws its top border.
    expect(await page.locator("footer").evaluate((f) => getComputedStyle(f).borderTopStyle)).toBe("solid");
    await settle(page);
    expect(await violationsIn(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  test("refuses an inline script and an event handler injected into a page, and reports both", async () => {
    const { context, page } = await open(`${app.url}/briefs/${BRIEF}`);
    await page.evaluate(() => {
      const script = document.createElement("script");
      script.textContent = "window.ran = 'script';";
      document.body.append(script);
      document.body.insertAdjacentHTML("beforeend", `<img src="data:," onerror="window.ran = 'handler'">`);
    });
    await settle(page);
    expect(await page.evaluate(() => (window as unknown as { ran?: string }).ran)).toBeUndefined();
    const directives = (await violationsIn(page)).map((violation) => violation.directive).sort();
    expect(directives).toEqual(["script-src-attr", "script-src-elem"]);
    await context.close();
  });
});

describe("framing from another origin", () => {
  /** A partner page on another loopback origin framing `path` of the site; its frame once loaded. */
  async function framed(path: string) {
    const page = `/frames${path}`;
    partner.route(
      page,
      respond(
        200,
        `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Partenaire</title></head>
<body><iframe name="site" src="${app.url}${path}" width="600" height="400"></iframe></body></html>`,
        { "content-type": "text/html; charset=utf-8" },
      ),
    );
    // open() returns after the partner page's load event, which waits for its frame, refused or not.
    const opened = await open(`${partner.origin}${page}`);
    const frame = opened.page.frame({ name: "site" });
    if (!frame) throw new Error("the partner page has no frame");
    return { ...opened, frame };
  }

  test("a brief page is refused by frame-ancestors 'none'", async () => {
    const { context, page, frame, problems } = await framed(`/briefs/${BRIEF}`);
    expect(new URL(partner.origin).origin).not.toBe(new URL(app.url).origin);
    // Chromium shows its own error page in the frame instead, and says why in the partner's console.
    expect(frame.url()).toBe("chrome-error://chromewebdata/");
    expect(await frame.locator("article, header .site").count()).toBe(0);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(`Framing '${app.url}/' violates`);
    expect(problems[0]).toContain(`"frame-ancestors 'none'"`);
    expect(await page.locator("iframe").count()).toBe(1);
    await context.close();
  });

  test("the embed page frames fine, with no violation inside it", async () => {
    const { context, frame, problems } = await framed(`/embed/${BRIEF}`);
    expect(frame.url()).toBe(`${app.url}/embed/${BRIEF}`);
    expect((await frame.locator("h1").textContent())?.trim()).toBe(TITLE);
    expect(await violationsIn(frame)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});

// The widget against the real app: the front page as served, and a partner page on another origin.
import { readFile } from "node:fs/promises";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type RunningServer, startServer as startApp } from "../../functions/adapters/node-server.js";
import { widgetFileName } from "../../infra/bundle.js";
import { loadCatalog } from "../../infra/content/load.js";
import { contentOf } from "../support/test-content.js";
import { launchChromium } from "./support/browser.js";
import { respond, startServer, type TestServer } from "./support/http-server.js";
import { shownBrief } from "./support/shown-brief.js";

const SEED = "microsoft-employes-contrats-police";
const TITLE = "Plus de 250 employés de Microsoft demandent la fin des contrats avec la police";

let app: RunningServer;
let partner: TestServer;
let browser: Browser;
let downApi: string;

beforeAll(async () => {
  // The bundle `npm run build` wrote, as it ships.
  const text = await readFile("dist/widget/news-brief.js", "utf8");
  const script = { text, file: widgetFileName(text) };
  [app, partner, browser] = await Promise.all([
    startApp(contentOf(await loadCatalog("content")), script, { port: 0, env: {} }),
    startServer(),
    launchChromium(),
  ]);
  const closed = await startServer();
  downApi = `${closed.origin}/api/briefs/${SEED}`;
  await closed.close();
});

afterAll(async () => {
  await browser?.close();
  await Promise.all([app?.close(), partner?.close()]);
});

/** Opens `url` in a new tab and collects page errors, console errors and CSP violations. */
async function open(url: string): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport: { width: 900, height: 1400 } });
  const problems: string[] = [];
  await page.addInitScript(() => {
    const reasons: string[] = [];
    Object.assign(window, { briefErrors: reasons });
    document.addEventListener("brief-error", (e) => reasons.push((e as Event & { reason: string }).reason));
  });
  page.on("pageerror", (error) => problems.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(message.text());
  });
  await page.goto(url);
  return { page, problems };
}

/** Serves a partner page embedding `src` with the snippet from the front page, under a strict CSP. */
function partnerPage(path: string, src: string): string {
  const html = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Blog partenaire</title>
<script type="module" src="${app.url}/widget/news-brief.js"></script></head>
<body><h1>Blog partenaire</h1><news-brief src="${src}"><a href="${app.url}/briefs/${SEED}">Lire la brève</a></news-brief></body></html>`;
  const csp = `default-src 'none'; script-src ${app.url}; style-src 'self'; connect-src ${new URL(src).origin}`;
  partner.route(
    path,
    respond(200, html, { "content-type": "text/html; charset=utf-8", "content-security-policy": csp }),
  );
  partner.route("/favicon.ico", respond(204, ""));
  return partner.origin + path;
}

const loaded = (page: Page) =>
  page.waitForFunction(
    // The loading skeleton is an <article> too; only a brief has a title.
    () => document.querySelector("news-brief")?.shadowRoot?.querySelector("[part=title]") != null,
  );

describe("the front page", () => {
  test("shows the seed brief in the embedded widget, without errors", async () => {
    const { page, problems } = await open(`${app.url}/`);
    await loaded(page);
    const shown = await shownBrief(page);
    expect(shown.title).toBe(TITLE);
    expect(shown.source).toContain("Clubic");
    expect(shown.date).toBe("10 juin 2020");
    expect(shown.points.map((p) => p.heading)).toEqual([
      "La colère monte chez Microsoft.",
      "Des liens avec la police remis en cause.",
      "Un dilemme pour toute la tech.",
    ]);
    expect(shown.link?.href).toBe(`${app.url}/briefs/${SEED}`);
    expect(shown.fallbackSlotted).toBe(false);
    expect(problems).toEqual([]);
    await page.screenshot({ path: "dist/screenshots/front-page.png", fullPage: true });
    await page.close();
  });
});

describe("a partner page on another origin", () => {
  test("shows the seed brief fetched from the API, under a strict CSP", async () => {
    const { page, problems } = await open(partnerPage("/article", `${app.url}/api/briefs/${SEED}`));
    expect(new URL(page.url()).origin).not.toBe(app.url);
    await loaded(page);
    const shown = await shownBrief(page);
    expect(shown.title).toBe(TITLE);
    expect(shown.points).toHaveLength(3);
    expect(problems).toEqual([]);
    await page.close();
  });

  test("keeps the fallback link when the API is down", async () => {
    const { page, problems } = await open(partnerPage("/down", downApi));
    await page.waitForFunction(() => (window as unknown as { briefErrors: string[] }).briefErrors.length > 0);
    expect(await page.evaluate(() => (window as unknown as { briefErrors: string[] }).briefErrors)).toEqual([
      "network",
    ]);
    const shown = await shownBrief(page);
    expect(shown.fallbackSlotted).toBe(true);
    expect(shown.title).toBeNull();
    expect(await page.getByRole("link", { name: "Lire la brève" }).isVisible()).toBe(true);
    expect(problems.every((p) => p.startsWith("Failed to load resource"))).toBe(true);
    await page.screenshot({ path: "dist/screenshots/partner-api-down.png" });
    await page.close();
  });

  test("keeps the fallback link when the brief does not exist", async () => {
    const { page } = await open(partnerPage("/missing", `${app.url}/api/briefs/no-such-brief`));
    await page.waitForFunction(() => (window as unknown as { briefErrors: string[] }).briefErrors.length > 0);
    expect(await page.evaluate(() => (window as unknown as { briefErrors: string[] }).briefErrors)).toEqual([
      "http",
    ]);
    const shown = await shownBrief(page);
    expect(shown.fallbackSlotted).toBe(true);
    expect(shown.title).toBeNull();
    await page.close();
  });
});

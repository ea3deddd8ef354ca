import type { Browser, BrowserContext, Frame, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { baseBrief, baseSite } from "../../fixtures/catalog.js";
import { launchChromium } from "../../widget/support/browser.js";
import { respond, startServer, type TestServer } from "../../widget/support/http-server.js";
import { type ServedApp, serveOEmbedApp } from "./support/oembed-app.js";
import { wordpressFilter, wordpressPost } from "./support/wordpress.js";

const SECRET = "Xy7Kq2Lm9P";
const ARTICLE = "https://www.clubic.com/a.html";
const withSource = { ...baseBrief, id: "avec-source", source: { name: "Clubic", url: ARTICLE } };
const longLead = {
  ...baseBrief,
  id: "longue",
  lead: "Une phrase d’accroche bien plus longue que les autres, qui court sur plusieurs lignes dès que le cadre se resserre.",
};

let app: ServedApp;
let wordpress: TestServer;
let browser: Browser;
let posts = 0;

beforeAll(async () => {
  [app, wordpress, browser] = await Promise.all([
    serveOEmbedApp({ site: baseSite, briefs: [baseBrief, withSource, longLead] }),
    startServer(),
    launchChromium(),
  ]);
  wordpress.route("/favicon.ico", respond(204, ""));
});

afterAll(async () => {
  await browser?.close();
  await Promise.all([app?.close(), wordpress?.close()]);
});

interface EmbedMessage {
  message: string;
  value: unknown;
  secret: string;
}

/** A post on the "WordPress" origin embedding brief `id` as WordPress would, open in a fresh browser context. */
interface OpenPost {
  context: BrowserContext;
  page: Page;
  /** Uncaught errors and console errors of the post and of the embed inside it. */
  problems: string[];
  /** The embed's frame, once it has reported its height. */
  frame: Frame;
}

/** The oEmbed html for brief `id`, fetched as a WordPress server fetches it. */
async function oembedHtml(id: string): Promise<string> {
  const url = `${app.origin}/briefs/${id}`;
  const response = await fetch(`${app.origin}/oembed?${new URLSearchParams({ url, format: "json" })}`);
  return ((await response.json()) as { html: string }).html;
}

/** Serves a post holding `embed` on the WordPress origin and opens it; waits for the embed's first height. */
async function openPost(embed: string): Promise<OpenPost> {
  const path = `/post-${++posts}`;
  wordpress.route(path, respond(200, wordpressPost(embed), { "content-type": "text/html; charset=utf-8" }));
  const context = await browser.newContext({ viewport: { width: 900, height: 1200 } });
  // In every frame: CSP violations, kept where the test can read them.
  await context.addInitScript(() => {
    const seen: string[] = [];
    Object.assign(window, { cspViolations: seen });
    document.addEventListener("securitypolicyviolation", (event) => seen.push(event.violatedDirective));
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(message.text());
  });
  await page.goto(wordpress.origin + path);
  await page.waitForFunction(() =>
    (window as unknown as { embedMessages: EmbedMessage[] }).embedMessages.some(
      (m) => m.message === "height",
    ),
  );
  const frame = page.frames().find((f) => f.url().startsWith(`${app.origin}/embed/`));
  if (!frame) throw new Error("the embed's frame is not there");
  return { context, page, problems, frame };
}

const openWordPressPost = async (id: string) => {
  const filtered = wordpressFilter(await oembedHtml(id), SECRET);
  if (!filtered) throw new Error("WordPress would embed nothing");
  return openPost(filtered);
};

const bodyHeight = (frame: Frame) =>
  frame.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));
const iframeHeight = (page: Page) => page.evaluate(() => document.querySelector("iframe")?.height);

describe("a brief embedded in a WordPress post", () => {
  test("keeps the linked title and the iframe through WordPress's filter, sandboxed as WordPress sandboxes it", () =>
    oembedHtml("premier-brief").then((html) => {
      const filtered = wordpressFilter(html, SECRET) ?? "";
      expect(filtered).toMatch(
        new RegExp(
          `^<blockquote class="wp-embedded-content" data-secret="${SECRET}"><a href="${app.origin}/briefs/premier-brief">Un titre</a></blockquote>` +
            `<iframe class="wp-embedded-content" sandbox="allow-scripts" security="restricted" style="position: absolute; clip: rect\\(1px, 1px, 1px, 1px\\);" src="${app.origin}/embed/premier-brief#\\?secret=${SECRET}" data-secret="${SECRET}" width="550" height="\\d+" title="Un titre" frameborder="0"></iframe>$`,
        ),
      );
    }));

  test("hides the linked title and shows the frame once the frame reports its height", async () => {
    const { context, page } = await openWordPressPost("premier-brief");
    expect(await page.locator("blockquote").isHidden()).toBe(true);
    expect(await page.locator("iframe").getAttribute("style")).toBeNull();
    expect(await page.locator("iframe").isVisible()).toBe(true);
    await context.close();
  });

  test("keeps showing the title linked to the brief page when the frame cannot load", async () => {
    const filtered = wordpressFilter(await oembedHtml("premier-brief"), SECRET) ?? "";
    const path = `/post-${++posts}`;
    wordpress.route(
      path,
      respond(200, wordpressPost(filtered), { "content-type": "text/html; charset=utf-8" }),
    );
    const context = await browser.newContext();
    await context.route(`${app.origin}/embed/**`, (route) => route.abort());
    const page = await context.newPage();
    await page.goto(wordpress.origin + path, { waitUntil: "load" });
    const link = page.getByRole("link", { name: "Un titre" });
    expect(await link.isVisible()).toBe(true);
    expect(await link.getAttribute("href")).toBe(`${app.origin}/briefs/premier-brief`);
    expect(
      await page.evaluate(() => (window as unknown as { embedMessages: unknown[] }).embedMessages),
    ).toEqual([]);
    await context.close();
  });

  test("shows the brief: title, source, three key points, and no error", async () => {
    const { context, page, problems, frame } = await openWordPressPost("premier-brief");
    expect(await frame.locator("h1").textContent()).toBe("Un titre");
    expect(await frame.locator(".meta").textContent()).toBe("Clubic · 10 juin 2020");
    expect(await frame.locator("li > strong").allTextContents()).toEqual([
      "Premier point.",
      "Deuxième point.",
      "Troisième point.",
    ]);
    expect(await page.locator("iframe").getAttribute("sandbox")).toBe("allow-scripts");
    expect(problems).toEqual([]);
    await page.screenshot({ path: "dist/screenshots/oembed-wordpress.png", fullPage: true });
    await context.close();
  });

  test("takes its content's height through postMessage with WordPress's secret, and again when narrowed", async () => {
    const { context, page, frame } = await openWordPressPost("longue");
    const messages = await page.evaluate(
      () => (window as unknown as { embedMessages: EmbedMessage[] }).embedMessages,
    );
    expect(messages[0]).toEqual({ message: "height", value: expect.any(Number), secret: SECRET });
    const wide = await bodyHeight(frame);
    expect(wide).toBeGreaterThan(200);
    await page.waitForFunction((height) => document.querySelector("iframe")?.height === String(height), wide);
    await page.evaluate(() => document.querySelector("iframe")?.setAttribute("width", "300"));
    await page.waitForFunction((height) => Number(document.querySelector("iframe")?.height) > height, wide);
    const narrow = await bodyHeight(frame);
    expect(narrow).toBeGreaterThan(wide);
    expect(await iframeHeight(page)).toBe(String(narrow));
    await context.close();
  });

  test("marks every link target=_top rel=noopener, and WordPress follows a click on the title", async () => {
    const { context, page, problems, frame } = await openWordPressPost("premier-brief");
    const links = await frame.evaluate(() => [...document.links].map((a) => `${a.target} ${a.rel}`));
    expect(links.length).toBeGreaterThanOrEqual(4);
    expect(new Set(links)).toEqual(new Set(["_top noopener"]));
    await frame.locator("h1 a").click();
    await page.waitForURL(`${app.origin}/briefs/premier-brief`);
    expect(await page.locator("h1").textContent()).toBe("Un titre");
    expect(problems).toEqual([]);
    await context.close();
  });

  test("sends a click on the source's article to the brief page, the one host WordPress lets it open", async () => {
    const { context, page, problems, frame } = await openWordPressPost("avec-source");
    expect(await frame.locator(`a[href="${ARTICLE}"]`).textContent()).toBe("Lire l’article complet");
    await frame.locator(`a[href="${ARTICLE}"]`).click();
    await page.waitForURL(`${app.origin}/briefs/avec-source`);
    expect(problems).toEqual([]);
    await context.close();
  });

  test("causes no CSP violation inside the frame, where a violation would be seen", async () => {
    const { context, frame, problems } = await openWordPressPost("premier-brief");
    const violations = () =>
      frame.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
    expect(await violations()).toEqual([]);
    expect(problems).toEqual([]);
    await frame.evaluate(() => {
      const style = document.createElement("style");
      style.textContent = "p{color:red}";
      document.head.append(style);
    });
    await expect.poll(violations).toEqual(["style-src-elem"]);
    await context.close();
  });

  test("writes nothing to cookies or storage, framed or opened on its own", async () => {
    const { context, page } = await openWordPressPost("premier-brief");
    await page.goto(`${app.origin}/embed/premier-brief`);
    expect(await page.locator("h1").textContent()).toBe("Un titre");
    expect(await context.storageState()).toEqual({ cookies: [], origins: [] });
    await context.close();
  });
});

describe("a brief embedded with the provider's own markup", () => {
  test("opens the source's article at the top on a click, as its sandbox allows", async () => {
    const { context, page, problems, frame } = await openPost(await oembedHtml("avec-source"));
    await context.route(ARTICLE, (route) =>
      route.fulfill({
        contentType: "text/html",
        body: "<!doctype html><title>Article</title><p>Article</p>",
      }),
    );
    expect(await page.locator("iframe").getAttribute("sandbox")).toContain(
      "allow-top-navigation-by-user-activation",
    );
    await frame.locator(`a[href="${ARTICLE}"]`).click();
    await page.waitForURL(ARTICLE);
    expect(problems).toEqual([]);
    await context.close();
  });
});

// The pages of the hostile content catalogue in Chromium, with any CSP bypassed so that only escaping keeps them
// inert: no injected script runs (window.__pwned stays unset, no dialog, no error), no element carries an event
// handler, and every hostile text shows as the text it is.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type RunningServer, startServer } from "../../../functions/adapters/node-server.js";
import { tagSlug } from "../../../functions/catalog/tag-slug.js";
import { EMBED_SCRIPT } from "../../../functions/oembed/embed-assets.js";
import { publishedCatalog } from "../../fixtures/hostile-content/published-content.js";
import { PUBLISHED, PUBLISHED_TAGS, PWN } from "../../fixtures/hostile-content/published-kinds.js";
import { WIDGET_SCRIPT } from "../../support/test-app.js";
import { contentOf } from "../../support/test-content.js";
import { launchChromium } from "../../widget/support/browser.js";

let server: RunningServer;
let browser: Browser;
let tab: Page;
/** Dialogs, page errors, console errors and requests for the payloads' `x` since the last page was opened. */
let problems: string[] = [];

beforeAll(async () => {
  const catalog = await publishedCatalog();
  [server, browser] = await Promise.all([
    startServer(contentOf(catalog), WIDGET_SCRIPT, { port: 0, hostname: "127.0.0.1", env: {} }),
    launchChromium(),
  ]);
  // Bypassed, a Content-Security-Policy cannot hide a page that would run injected markup.
  const context = await browser.newContext({ bypassCSP: true });
  // Only loopback is reached: the briefs' images (img.example.com) get an empty answer, as does the favicon
  // Chromium asks of a page without one (the embed page, made for a frame).
  await context.route("**/*", (route) => {
    const url = new URL(route.request().url());
    if (url.origin === server.url && url.pathname !== "/favicon.ico") return route.continue();
    return route.fulfill({ status: 204 });
  });
  tab = await context.newPage();
  tab.on("dialog", (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  tab.on("pageerror", (error) => problems.push(`page: ${error.message}`));
  tab.on("console", (message) => {
    if (message.type() === "error") problems.push(`console: ${message.text()}`);
  });
  tab.on("request", (request) => {
    if (/\/x$/.test(request.url())) problems.push(`request: ${request.url()}`);
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** What a page shows, read in one go: its handlers and scripts, then the text of each part a brief fills. */
interface Shown {
  handlers: string[];
  /** Each script's type, else its src, else its text. */
  scripts: string[];
  /** Elements only a payload would make. */
  injected: number;
  h1: string | null;
  lead: string | null;
  source: string | null;
  meta: string | null;
  points: string[];
  tags: string[];
  alt: string | null;
  title: string;
  card: string | null;
  description: string | null;
  /** The JSON-LD's description. */
  data: string | null;
  /** Each listed brief's title and lead (front and tag pages). */
  listed: { title: string | null; lead: string | null }[];
}

/** Opens `path`, waits for any handler that slipped through to fire, asserts that nothing ran, and reads the page. */
async function open(path: string): Promise<Shown> {
  problems = [];
  const response = await tab.goto(`${server.url}${path}`);
  expect(response?.status(), path).toBe(200);
  await tab.evaluate(() => new Promise((resolve) => setTimeout(resolve, 100)));
  expect(await tab.evaluate(() => (window as { __pwned?: unknown }).__pwned), path).toBeUndefined();
  expect(problems, path).toEqual([]);
  const shown = await tab.evaluate((): Shown => {
    const one = (selector: string) => document.querySelector(selector)?.textContent ?? null;
    const all = (selector: string) =>
      [...document.querySelectorAll(selector)].map((e) => e.textContent ?? "");
    const attribute = (selector: string, name: string) =>
      document.querySelector(selector)?.getAttribute(name) ?? null;
    return {
      handlers: [...document.querySelectorAll("*")].flatMap((element) =>
        element
          .getAttributeNames()
          .filter((name) => name.startsWith("on"))
          .map((name) => `${element.tagName} ${name}`),
      ),
      scripts: [...document.scripts].map((script) => script.type || script.src || script.text),
      injected: document.querySelectorAll("svg, iframe, img[src='x'], textarea, noscript").length,
      h1: one("h1"),
      lead: one("p.lead"),
      source: one("p.source"),
      meta: one("p.meta"),
      points: all("article > ul:not(.tags) > li"),
      tags: all("ul.tags a"),
      alt: attribute("article img", "alt"),
      title: document.title,
      card: attribute("meta[property='og:title']", "content"),
      description: attribute("meta[name=description]", "content"),
      data: JSON.parse(one("script[type='application/ld+json']") ?? "{}").description ?? null,
      listed: [...document.querySelectorAll("ul.briefs > li")].map((item) => ({
        title: item.querySelector("h3")?.textContent ?? null,
        lead: item.querySelector("h3 + p")?.textContent ?? null,
      })),
    };
  });
  expect(shown.handlers, path).toEqual([]);
  expect(shown.injected, path).toBe(0);
  // Structured data, the front page's widget module, and the embed page's own script, exactly.
  for (const script of shown.scripts)
    expect(["application/ld+json", "module", EMBED_SCRIPT], path).toContain(script);
  return shown;
}

describe("the brief pages", () => {
  test.each(PUBLISHED.map((kind) => [kind.id, kind] as const))(
    "%s runs nothing and shows its text as written",
    async (id, { shown, points }) => {
      const page = await open(`/briefs/${id}`);
      expect(page).toMatchObject({
        h1: shown.title,
        lead: shown.lead,
        points: points.map((point) => `${point.heading} ${point.text}`),
        tags: shown.tags,
        alt: shown.alt,
        title: expect.stringMatching(/ · Briefs de test$/),
        card: shown.title,
        description: shown.lead,
        data: shown.lead,
      });
      expect(page.title.startsWith(shown.title)).toBe(true);
      expect(page.source).toContain(shown.source);
      if (shown.author !== null) expect(page.meta).toContain(shown.author);
    },
  );
});

describe("the embed pages", () => {
  test.each(PUBLISHED.map((kind) => [kind.id, kind] as const))(
    "%s runs nothing and shows its text as written",
    async (id, { shown, points }) => {
      const page = await open(`/embed/${id}`);
      expect(page).toMatchObject({
        h1: shown.title,
        lead: shown.lead,
        points: points.map((point) => `${point.heading} ${point.text}`),
      });
      expect(page.meta).toContain(shown.source);
    },
  );
});

describe("the lists", () => {
  test("the front page runs nothing and lists each brief's title and lead as written", async () => {
    const { listed } = await open("/");
    expect(listed.length).toBeGreaterThanOrEqual(20);
    const shown = PUBLISHED.map(({ shown }) => ({ title: shown.title, lead: shown.lead }));
    for (const brief of listed) expect(shown).toContainEqual(brief);
  });

  test.each(PUBLISHED_TAGS)(
    "the page of the tag %s runs nothing and shows the tag and its briefs",
    async (tag) => {
      const page = await open(`/tags/${tagSlug(tag)}`);
      expect(page.h1).toBe(tag);
      expect(page.listed.map((brief) => brief.title).sort()).toEqual(
        PUBLISHED.filter((kind) => kind.shown.tags.includes(tag))
          .map((kind) => kind.shown.title)
          .sort(),
      );
    },
  );
});

describe("the check itself", () => {
  test("would catch a payload that ran: the same markup unescaped sets the flag, opens a dialog and asks for x", async () => {
    problems = [];
    await tab.goto(`${server.url}/briefs/${PUBLISHED[0]?.id}`);
    await tab.evaluate((markup) => {
      document.body.insertAdjacentHTML("beforeend", markup);
    }, PWN.img);
    await tab.waitForFunction(() => (window as { __pwned?: unknown }).__pwned === "img");
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^dialog: 2$/),
        expect.stringMatching(/^request: .*\/x$/),
      ]),
    );
  });
});

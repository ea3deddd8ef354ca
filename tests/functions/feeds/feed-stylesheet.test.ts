// The feed stylesheet: well-formed XSLT with which xsltproc and Chromium make our feeds a readable page.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type RunningServer, startServer } from "../../../functions/adapters/node-server.js";
import { createApp } from "../../../functions/app.js";
import { cleanText } from "../../../functions/catalog/xml-text.js";
import { FEED_STYLESHEET } from "../../../functions/feeds/feed-stylesheet.js";
import { renderFeed } from "../../../functions/feeds/render-feed.js";
import { Links } from "../../../functions/links.js";
import { SCRIPT_CACHE } from "../../../functions/routes/cache-control.js";
import { feedStylesheetRoute } from "../../../functions/routes/feed-stylesheet.js";
import type { Catalog } from "../../../infra/content/catalog.js";
import { loadCatalog } from "../../../infra/content/load.js";
import { baseBrief, generatedCatalog, HOSTILE, hostileCatalog } from "../../fixtures/catalog.js";
import { xmllint } from "../../support/feed-validators.js";
import { WIDGET_SCRIPT } from "../../support/test-app.js";
import { contentOf } from "../../support/test-content.js";
import { launchChromium } from "../../widget/support/browser.js";
import { type FeedPage, readFeedPage, xsltproc } from "./support/feed-page.js";

const FORMATS = ["rss", "atom"] as const;
const FILES = { rss: "feed.xml", atom: "atom.xml" } as const;

const content = await loadCatalog("content");

let browser: Browser;
/** One tab for every test: opening a tab costs more than half a second on a small CI machine. */
let tab: Page;
/** Page errors and alert() messages since the last page was opened. */
let errors: string[] = [];
let dialogs: string[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  tab = await browser.newPage();
  tab.on("pageerror", (error) => errors.push(error.message));
  tab.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
});

afterAll(() => browser?.close());

/** Shows `html` (what xsltproc made) or the document at a URL in the tab, and reads the page. */
async function open(source: { html: string } | { url: string }): Promise<FeedPage> {
  errors = [];
  dialogs = [];
  if ("url" in source) {
    await tab.goto(source.url);
    // Chromium swaps the XML document for the transformed one, sometimes after "load": wait for the latter.
    await tab.locator("h1").waitFor({ timeout: 5_000 });
  } else {
    await tab.setContent(source.html);
  }
  return readFeedPage(tab);
}

function render(format: "rss" | "atom", catalog: Catalog): string {
  const briefs = catalog.briefs.slice(0, catalog.site.feedSize);
  return renderFeed(format, { site: catalog.site, links: new Links(catalog.site.baseUrl), briefs });
}

/** The hostile catalog, plus a brief with straight apostrophes, which escapeHtml writes as "&#39;". */
function hostile(): Catalog {
  const catalog = hostileCatalog();
  const apostrophes = { ...baseBrief, id: "apostrophes", title: "It's 'quoted'", lead: "Don't & won't." };
  return { ...catalog, briefs: [...catalog.briefs, apostrophes] };
}

/** The entries a page should list for `catalog`, its links under `base`. */
function expectedEntries(catalog: Catalog, base: string) {
  return catalog.briefs.slice(0, catalog.site.feedSize).map((brief) => ({
    title: cleanText(brief.title),
    href: `${base}/briefs/${brief.id}`,
    datetime: new Date(brief.published).toISOString().slice(0, 10),
    lead: cleanText(brief.lead),
  }));
}

function withoutDates(page: FeedPage) {
  return page.entries.map(({ title, href, datetime, lead }) => ({ title, href, datetime, lead }));
}

describe("the stylesheet", () => {
  test("is well-formed XML", async () => {
    expect(await xmllint(FEED_STYLESHEET)).toBe("");
  });

  test("never disables output escaping", () => {
    expect(FEED_STYLESHEET).not.toContain("disable-output-escaping");
  });
});

describe("GET /feed.xsl", () => {
  const app = createApp(contentOf(generatedCatalog(1)), [feedStylesheetRoute]);

  test("serves the stylesheet as text/xsl, cached like the widget script", async () => {
    const response = await app.request("/feed.xsl");
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/xsl; charset=utf-8");
    expect(response.headers.get("Cache-Control")).toBe(SCRIPT_CACHE);
    expect(await response.text()).toBe(FEED_STYLESHEET);
  });

  test("answers 405 to any other method than GET and HEAD", async () => {
    expect((await app.request("/feed.xsl", { method: "HEAD" })).status).toBe(200);
    const response = await app.request("/feed.xsl", { method: "POST" });
    expect(response.status).toBe(405);
    expect(response.headers.get("Allow")).toBe("GET, HEAD");
  });
});

describe.each(FORMATS)("xsltproc applied to the %s feed", (format) => {
  test("makes a French page of the real content: what a feed is, its address, then every brief", async () => {
    const page = await open({ html: await xsltproc(render(format, content)) });
    expect(page.lang).toBe("fr");
    expect(page.about).toContain("Ceci est un flux d’actualités.");
    expect(page.self).toBe(`${content.site.baseUrl}/${FILES[format]}`);
    expect(page.h1).toBe(content.site.title);
    expect(page.description).toBe(content.site.description);
    expect(page.home).toEqual({ text: "Voir le site", href: `${content.site.baseUrl}/` });
    expect(page.listHeading).toBe("Dernières brèves");
    expect(withoutDates(page)).toEqual(expectedEntries(content, content.site.baseUrl));
  });

  test("writes dates as French words, with 1er for the first of the month", async () => {
    const page = await open({ html: await xsltproc(render(format, generatedCatalog(3))) });
    expect(page.entries.map((entry) => entry.date)).toEqual([
      "1er janvier 2021",
      "31 décembre 2020",
      "30 décembre 2020",
    ]);
  });

  test("makes an English page of an English site", async () => {
    const catalog = generatedCatalog(3, { lang: "en" });
    const page = await open({ html: await xsltproc(render(format, catalog)) });
    expect(page.lang).toBe("en");
    expect(page.about).toContain("This is a news feed.");
    expect(page.home.text).toBe("Visit the website");
    expect(page.listHeading).toBe("Latest briefs");
    expect(page.text).not.toMatch(/Ceci|flux|brèves|Voir le site|janvier|décembre/);
    expect(page.entries.map((entry) => entry.date)).toEqual([
      "1 January 2021",
      "31 December 2020",
      "30 December 2020",
    ]);
    expect(withoutDates(page)).toEqual(expectedEntries(catalog, catalog.site.baseUrl));
  });

  test("shows hostile text exactly, as text, and makes no script element", async () => {
    const catalog = hostile();
    const html = await xsltproc(render(format, catalog));
    expect(html).not.toContain("<script");
    const page = await open({ html });
    expect(page.h1).toBe(cleanText(HOSTILE));
    expect(page.description).toBe(cleanText(HOSTILE));
    expect(withoutDates(page)).toEqual(expectedEntries(catalog, catalog.site.baseUrl));
    expect(page.scripts).toBe(0);
    expect(errors).toEqual([]);
    expect(dialogs).toEqual([]);
  });
});

describe("Chromium opening the feeds from a real server", () => {
  let site: RunningServer;
  let hostileSite: RunningServer;

  beforeAll(async () => {
    [site, hostileSite] = await Promise.all([
      startServer(contentOf(content), WIDGET_SCRIPT, { port: 0, env: {} }),
      startServer(contentOf(hostile()), WIDGET_SCRIPT, { port: 0, env: {} }),
    ]);
  });

  afterAll(() => Promise.all([site?.close(), hostileSite?.close()]));

  test.each(FORMATS)(
    "shows the %s feed as the styled page: title in an h1, one entry per brief",
    async (format) => {
      const page = await open({ url: `${site.url}/${FILES[format]}` });
      expect(page.lang).toBe("fr");
      expect(page.h1).toBe(content.site.title);
      expect(page.self).toBe(`${site.url}/${FILES[format]}`);
      expect(withoutDates(page)).toEqual(expectedEntries(content, site.url));
      // The page's own style applies: a 42rem column, not the browser's full-width default.
      expect(await tab.evaluate(() => getComputedStyle(document.body).maxWidth)).toBe("672px");
      expect(errors).toEqual([]);
    },
  );

  test("follows the reader's light or dark colour scheme", async () => {
    await open({ url: `${site.url}/feed.xml` });
    const lightness = () =>
      tab.evaluate(() => {
        const [r = 0, g = 0, b = 0] = getComputedStyle(document.body).backgroundColor.match(/\d+/g) ?? [];
        return (Number(r) + Number(g) + Number(b)) / 3;
      });
    try {
      await tab.emulateMedia({ colorScheme: "light" });
      expect(await lightness()).toBeGreaterThan(200);
      await tab.emulateMedia({ colorScheme: "dark" });
      expect(await lightness()).toBeLessThan(60);
    } finally {
      await tab.emulateMedia({ colorScheme: null });
    }
  });

  test.each(FORMATS)("shows hostile text of the %s feed as text and runs nothing", async (format) => {
    const page = await open({ url: `${hostileSite.url}/${FILES[format]}` });
    expect(page.h1).toBe(cleanText(HOSTILE));
    expect(withoutDates(page)).toEqual(expectedEntries(hostile(), hostileSite.url));
    expect(page.scripts).toBe(0);
    expect(errors).toEqual([]);
    expect(dialogs).toEqual([]);
  });
});

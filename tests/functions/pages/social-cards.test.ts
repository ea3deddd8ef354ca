import { mkdir } from "node:fs/promises";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { escapeHtml } from "../../../functions/catalog/html.js";
import { ogLocale } from "../../../functions/pages/social-cards.js";
import { loadCatalog } from "../../../infra/content/load.js";
import { baseBrief, generatedCatalog, HOSTILE, hostileCatalog } from "../../fixtures/catalog.js";
import { testApp } from "../../support/test-app.js";
import { launchChromium } from "../../widget/support/browser.js";

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(() => browser?.close());

/** The head of a page as Chromium parses it: each meta's key and content in order, the canonical URL, the scripts' types. */
async function headOf(catalog: Parameters<typeof testApp>[0], path: string) {
  const html = await (await testApp(catalog).request(`https://briefs.example.com${path}`)).text();
  const context = await browser.newContext({ javaScriptEnabled: false });
  try {
    const tab = await context.newPage();
    await tab.route("**/*", (route) => route.abort());
    await tab.setContent(html, { waitUntil: "domcontentloaded" });
    return await tab.evaluate(() => ({
      meta: [...document.head.querySelectorAll("meta[property], meta[name]")].map((m) => [
        m.getAttribute("property") ?? m.getAttribute("name"),
        m.getAttribute("content"),
      ]),
      canonical: document.head.querySelector('link[rel="canonical"]')?.getAttribute("href"),
      scripts: [...document.querySelectorAll("script")].map((s) => s.type),
      title: document.title,
    }));
  } finally {
    await context.close();
  }
}

const one = (meta: (string | null)[][], key: string) => meta.filter(([k]) => k === key).map(([, v]) => v);

describe("share cards", () => {
  test("a brief with an image is an article card with a large image", async () => {
    const catalog = generatedCatalog(1, { twitter: "@clubic" });
    const { meta, canonical } = await headOf(catalog, "/briefs/brief-0001");
    const url = "https://briefs.example.com/briefs/brief-0001";
    expect(canonical).toBe(url);
    expect(one(meta, "og:type")).toEqual(["article"]);
    expect(one(meta, "og:title")).toEqual(["Brief numéro 1"]);
    expect(one(meta, "og:description")).toEqual(["Accroche du brief 1."]);
    expect(one(meta, "og:url")).toEqual([url]);
    expect(one(meta, "og:site_name")).toEqual(["Briefs"]);
    expect(one(meta, "og:locale")).toEqual(["fr_FR"]);
    expect(one(meta, "article:published_time")).toEqual(["2021-01-01T08:30:00+01:00"]);
    expect(one(meta, "article:modified_time")).toEqual(["2021-01-01T08:30:00+01:00"]);
    expect(one(meta, "article:tag")).toEqual(["Microsoft", "Éthique"]);
    expect(one(meta, "og:image")).toEqual(["https://img.example.com/0.jpg"]);
    expect(one(meta, "og:image:alt")).toEqual(["Image 0"]);
    expect(one(meta, "twitter:card")).toEqual(["summary_large_image"]);
    expect(one(meta, "twitter:site")).toEqual(["@clubic"]);
  });

  test("a brief without an image has a summary card and no image tags", async () => {
    const { meta } = await headOf(generatedCatalog(2), "/briefs/brief-0001");
    expect(one(meta, "og:type")).toEqual(["article"]);
    expect(one(meta, "og:image")).toEqual([]);
    expect(one(meta, "twitter:card")).toEqual(["summary"]);
    expect(one(meta, "twitter:site")).toEqual([]);
  });

  test("the front page is the website's card", async () => {
    const { meta, canonical } = await headOf(generatedCatalog(3), "/");
    expect(canonical).toBe("https://briefs.example.com/");
    expect(one(meta, "og:type")).toEqual(["website"]);
    expect(one(meta, "og:title")).toEqual(["Briefs"]);
    expect(one(meta, "og:description")).toEqual(["Short briefs."]);
    expect(one(meta, "og:url")).toEqual(["https://briefs.example.com/"]);
    expect(one(meta, "og:locale")).toEqual(["fr_FR"]);
    expect(one(meta, "article:published_time")).toEqual([]);
    expect(one(meta, "twitter:card")).toEqual(["summary"]);
  });

  test("a tag page is a website card for the tag", async () => {
    const { meta, canonical } = await headOf(generatedCatalog(6), "/tags/ethique");
    expect(canonical).toBe("https://briefs.example.com/tags/ethique");
    expect(one(meta, "og:type")).toEqual(["website"]);
    expect(one(meta, "og:title")).toEqual(["Éthique · Briefs"]);
    expect(one(meta, "og:url")).toEqual(["https://briefs.example.com/tags/ethique"]);
    expect(one(meta, "twitter:card")).toEqual(["summary"]);
  });

  test("the embed page's card is its brief's, pointing at the brief's page", async () => {
    const { meta, canonical } = await headOf(generatedCatalog(1), "/embed/brief-0001");
    const url = "https://briefs.example.com/briefs/brief-0001";
    expect(canonical).toBe(url);
    expect(one(meta, "og:type")).toEqual(["article"]);
    expect(one(meta, "og:url")).toEqual([url]);
    expect(one(meta, "og:image")).toEqual(["https://img.example.com/0.jpg"]);
  });

  test("hostile text stays text in every tag and adds no element", async () => {
    const { meta, scripts } = await headOf(hostileCatalog(), "/briefs/hostile");
    expect(one(meta, "og:title")[0]?.startsWith(HOSTILE)).toBe(true);
    expect(one(meta, "og:description")[0]?.startsWith(HOSTILE)).toBe(true);
    expect(one(meta, "og:site_name")).toEqual([HOSTILE]);
    expect(one(meta, "og:image:alt")).toEqual([HOSTILE]);
    expect(one(meta, "article:tag")).toEqual(["C<>C++", HOSTILE]);
    expect(one(meta, "og:image")).toEqual(["https://img.example.com/x.jpg?a=1&b=2"]);
    expect(scripts).toEqual(["application/ld+json"]);
  });
});

describe("the Open Graph locale", () => {
  test("adds the likely region to a bare language and keeps a given one", () => {
    expect(ogLocale("fr")).toBe("fr_FR");
    expect(ogLocale("en")).toBe("en_US");
    expect(ogLocale("en-GB")).toBe("en_GB");
    expect(ogLocale("de")).toBe("de_DE");
  });

  test("falls back to the language for a tag Intl cannot read", () => {
    expect(ogLocale("fr-a1")).toBe("fr_FR");
  });
});

// A stand-in for the brief's photo, served in place of its URL: there is no network here.
const PHOTO = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630"><defs><linearGradient id="g"><stop offset="0" stop-color="#b3123c"/><stop offset="1" stop-color="#2b2d6e"/></linearGradient></defs><rect width="1200" height="630" fill="url(#g)"/></svg>`;

describe("the shared link", () => {
  test("renders as a card built from the brief page's Open Graph tags", async () => {
    const seed = await loadCatalog("content");
    const brief = {
      ...(seed.briefs[0] ?? baseBrief),
      image: { url: "https://img.example.com/microsoft.jpg", alt: "Le siège de Microsoft" },
    };
    const { meta } = await headOf({ ...seed, briefs: [brief] }, `/briefs/${brief.id}`);
    const og = (key: string) => escapeHtml(one(meta, key)[0] ?? "");
    expect(og("og:title")).not.toBe("");
    const card = `<!doctype html><meta charset="utf-8"><style>
body{margin:0;padding:24px;background:#e9ebee;font:15px system-ui,sans-serif}
.card{width:500px;background:#fff;border:1px solid #dadde1;border-radius:8px;overflow:hidden}
img{display:block;width:500px;height:262px;object-fit:cover}
.text{padding:10px 12px}.site{color:#606770;font-size:12px;text-transform:uppercase}
.title{font-weight:600;font-size:16px;margin:4px 0;color:#1d2129}.description{color:#606770}
</style><div class="card"><img src="${og("og:image")}" alt="${og("og:image:alt")}"><div class="text">
<div class="site">${og("og:site_name")} · ${escapeHtml(new URL(one(meta, "og:url")[0] ?? "").host)}</div>
<div class="title">${og("og:title")}</div><div class="description">${og("og:description")}</div></div></div>`;
    const context = await browser.newContext({ viewport: { width: 548, height: 420 } });
    try {
      const tab = await context.newPage();
      await tab.route("https://img.example.com/**", (route) =>
        route.fulfill({ contentType: "image/svg+xml", body: PHOTO }),
      );
      await tab.setContent(card, { waitUntil: "load" });
      expect(await tab.evaluate(() => document.querySelector("img")?.naturalWidth)).toBe(1200);
      await mkdir("dist/screenshots", { recursive: true });
      await tab.locator(".card").screenshot({ path: "dist/screenshots/og-card.png" });
    } finally {
      await context.close();
    }
  });
});

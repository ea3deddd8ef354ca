// Screenshots of <news-brief> on a partner page, light, dark, without JavaScript and after an error, for people to look at.
import { mkdir } from "node:fs/promises";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { baseBrief, seedBrief } from "./support/briefs.js";
import {
  briefEvents,
  openPartnerPage,
  type PartnerSite,
  serveCss,
  serveJson,
  startPartnerSite,
} from "./support/partner-site.js";

const WIDTHS = [390, 800];
const OUT = "dist/screenshots";

let site: PartnerSite;
beforeAll(async () => {
  [site] = await Promise.all([startPartnerSite(), mkdir(OUT, { recursive: true })]);
  serveCss(
    site,
    "/blog.css",
    `body{font:16px/1.6 system-ui,sans-serif;margin:0 auto;padding:1em;max-width:40em}
body:has(.dark){background:#111;color:#ddd}
@media (scripting:enabled){news-brief:not(:defined){display:block;min-height:calc(40.75em + 2px)}}`,
  );
});
afterAll(() => site?.close());

const page = (widget: string, className = "") =>
  `<main class="${className}"><h1>Blog partenaire</h1><p>Un paragraphe avant la brève.</p>${widget}<p>Un paragraphe après.</p></main>`;
const FALLBACK = `<a href="${baseBrief.url}">Lire la brève</a>`;

/** Screenshots the whole page at each width as dist/screenshots/widget-{name}-{width}.png. */
async function shoot(tab: Page, name: string, ready: () => Promise<unknown>) {
  for (const width of WIDTHS) {
    await tab.setViewportSize({ width, height: 800 });
    await ready();
    await tab.screenshot({ path: `${OUT}/widget-${name}-${width}.png`, fullPage: true });
  }
}

it("writes the light, dark, clamped and error states of the seed brief at 390 and 800px", async () => {
  const src = serveJson(site.api, "/api/briefs/shot", await seedBrief());
  const broken = serveJson(site.api, "/api/briefs/shot-broken", { error: "boom" }, 500);
  const states = [
    { name: "light", body: page(`<news-brief src="${src}" theme="light">${FALLBACK}</news-brief>`) },
    { name: "dark", body: page(`<news-brief src="${src}" theme="dark">${FALLBACK}</news-brief>`, "dark") },
    { name: "lines-2", body: page(`<news-brief src="${src}" lines="2">${FALLBACK}</news-brief>`) },
    { name: "error", body: page(`<news-brief src="${broken}">${FALLBACK}</news-brief>`) },
  ];
  for (const { name, body } of states) {
    const { page: tab } = await openPartnerPage(site, {
      lang: "fr",
      head: `<link rel="stylesheet" href="/blog.css">`,
      body,
    });
    expect(await briefEvents(tab)).toHaveLength(1);
    await shoot(tab, name, async () => {});
  }
});

it("writes the state without JavaScript at 390 and 800px: the fallback link, with no empty box reserved", async () => {
  const context = await site.browser.newContext({ javaScriptEnabled: false });
  try {
    const tab = await context.newPage();
    const src = serveJson(site.api, "/api/briefs/shot-no-js", baseBrief);
    site.partner.route("/no-js", (_request, response) =>
      response
        .writeHead(200, { "content-type": "text/html; charset=utf-8" })
        .end(
          `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Blog</title><link rel="stylesheet" href="/blog.css"><script type="module" src="/news-brief.js"></script></head><body>${page(`<news-brief src="${src}">${FALLBACK}</news-brief>`)}</body></html>`,
        ),
    );
    await tab.goto(`${site.partner.origin}/no-js`);
    await shoot(tab, "no-js", async () => {});
    expect(await tab.getByRole("link", { name: "Lire la brève" }).isVisible()).toBe(true);
    // The host line reserves room only where scripts run: here the element is just its link's height.
    const height = await tab
      .locator("news-brief")
      .evaluate((element) => element.getBoundingClientRect().height);
    expect(height).toBeLessThan(40);
    expect(site.api.requests.some((request) => request.url === "/api/briefs/shot-no-js")).toBe(false);
  } finally {
    await context.close();
  }
});

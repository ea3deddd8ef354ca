// <news-brief> moves nothing on the partner's page: the host's one CSS line, the skeleton and the brief all have one size.
import type { ServerResponse } from "node:http";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BriefFixture, baseBrief, seedBrief } from "./support/briefs.js";
import { respond } from "./support/http-server.js";
import {
  briefEvents,
  openPartnerPage,
  type PartnerSite,
  serveApi,
  serveCss,
  serveJsonLate,
  startPartnerSite,
  unexpectedProblems,
} from "./support/partner-site.js";

/**
 * The line the README gives partners for the moment before the widget's script has run: the room of `points`
 * key points, in full (the default) or clamped to `lines` lines each.
 */
function notDefinedCss(points = 3, lines?: number): string {
  const em = lines ? 15.625 + (1.5 * lines + 0.5) * points : 12.25 + 9.5 * points;
  return `@media (scripting:enabled){news-brief:not(:defined){display:block;min-height:calc(${em}em + 2px)}}`;
}

const API_DELAY_MS = 300;

let site: PartnerSite;
let seed: BriefFixture;
beforeAll(async () => {
  [site, seed] = await Promise.all([startPartnerSite(), seedBrief()]);
  // The widget's script arrives late too, so the page is painted with the element not yet defined.
  site.partner.route("/late/news-brief.js", (request, response) =>
    setTimeout(
      () => respond(200, site.widgetScript, { "content-type": "text/javascript" })(request, response),
      API_DELAY_MS,
    ),
  );
});
afterAll(() => site?.close());

const TEXT = "<p>Un paragraphe du partenaire, assez long pour passer à la ligne sur un téléphone étroit.</p>";

/** The sum of every layout shift the page has had, read after two more frames have been painted. */
function cumulativeLayoutShift(page: Page): Promise<number> {
  return page.evaluate(async () => {
    for (let frame = 0; frame < 2; frame++) await new Promise(requestAnimationFrame);
    return (window as unknown as { layoutShifts: number[] }).layoutShifts.reduce(
      (sum, value) => sum + value,
      0,
    );
  });
}

/** The height of the first `<news-brief>` in CSS pixels. */
const hostHeight = (page: Page) =>
  page.evaluate(() => document.querySelector("news-brief")?.getBoundingClientRect().height);

let pages = 0;

/**
 * Opens an article page (two paragraphs, or 3000px of them when `far`, then the widget, then six more) with the
 * host CSS line for `points` and `lines`, the widget's script and the API each {@link API_DELAY_MS} late, and
 * returns its cumulative layout shift once the brief is shown. A `far` widget is scrolled to once defined.
 */
async function articleShift(
  width: number,
  brief: unknown,
  { points, lines, far = false }: { points?: number; lines?: number; far?: boolean } = {},
) {
  await site.page.setViewportSize({ width, height: 900 });
  const name = `cls-${++pages}`;
  const src = serveJsonLate(site.api, `/api/briefs/${name}`, brief, API_DELAY_MS);
  const css = serveCss(
    site,
    `/${name}.css`,
    `body{font:16px/1.6 Georgia,serif;max-width:40em}.far{height:3000px}\n${notDefinedCss(points, lines)}`,
  );
  const attributes = `${points ? ` points="${points}"` : ""}${lines ? ` lines="${lines}"` : ""}`;
  const { page, problems } = await openPartnerPage(site, {
    head: `<link rel="stylesheet" href="${css}">`,
    widgetScripts: ["/late/news-brief.js"],
    body: `${far ? `<div class="far"></div>` : TEXT + TEXT}<news-brief src="${src}"${attributes}><a href="#">Lire la brève</a></news-brief>${TEXT.repeat(6)}`,
  });
  const undefinedHeight = await hostHeight(page);
  expect(await page.evaluate(() => customElements.get("news-brief"))).toBeUndefined();
  if (far) {
    await page.evaluate(async () => {
      await customElements.whenDefined("news-brief");
      const top = document.querySelector("news-brief")?.getBoundingClientRect().top ?? 0;
      window.scrollBy(0, top - 100);
    });
  }
  expect((await briefEvents(page)).map((event) => event.type)).toEqual(["brief-load"]);
  const cls = await cumulativeLayoutShift(page);
  expect(unexpectedProblems(problems)).toEqual([]);
  return { cls, undefinedHeight, loadedHeight: await hostHeight(page) };
}

const longBrief = () => ({
  ...seed,
  points: Array.from({ length: 6 }, (_, index) => {
    const text = `${index + 1}. ${"Une phrase assez longue pour la brève, ".repeat(10)}`.slice(0, 400);
    return { heading: null, text, html: text };
  }),
});

describe("cumulative layout shift of an article page with the whole brief (the default)", () => {
  for (const width of [390, 800]) {
    it(`stays within 0.05 at ${width}px wide for the seed brief above the fold`, async () => {
      const { cls, undefinedHeight, loadedHeight } = await articleShift(width, seed);
      console.info(
        `CLS, seed brief, above the fold, ${width}px: ${cls} (${undefinedHeight} → ${loadedHeight}px)`,
      );
      expect(cls).toBeLessThanOrEqual(0.05);
    });

    it(`stays within 0.05 at ${width}px wide for the seed brief far below the fold, scrolled to`, async () => {
      const { cls } = await articleShift(width, seed, { far: true });
      console.info(`CLS, seed brief, far below, ${width}px: ${cls}`);
      expect(cls).toBeLessThanOrEqual(0.05);
    });

    // The box shrinks to the short brief and the page below moves up: within Google's "good" 0.1 at 800px,
    // not at 390px (0.127 measured), where the text moving up is more of the screen.
    const shortBudget = width === 390 ? 0.15 : 0.1;
    it(`stays within ${shortBudget} at ${width}px wide for a short brief`, async () => {
      const { cls, undefinedHeight, loadedHeight } = await articleShift(width, baseBrief);
      console.info(`CLS, short brief, ${width}px: ${cls} (${undefinedHeight} → ${loadedHeight}px)`);
      expect(cls).toBeLessThanOrEqual(shortBudget);
    });

    it(`stays within 0.1 at ${width}px wide for a long brief, 6 points of 400 characters`, async () => {
      const { cls, undefinedHeight, loadedHeight } = await articleShift(width, longBrief(), { points: 6 });
      console.info(`CLS, long brief, ${width}px: ${cls} (${undefinedHeight} → ${loadedHeight}px)`);
      expect(cls).toBeLessThanOrEqual(0.1);
    });
  }
});

describe('cumulative layout shift with lines="2"', () => {
  for (const width of [390, 800]) {
    it(`is 0 at ${width}px wide for the seed brief, whose box keeps the reserved height`, async () => {
      const { cls, undefinedHeight, loadedHeight } = await articleShift(width, seed, { lines: 2 });
      console.info(`CLS, seed brief, lines="2", ${width}px: ${cls}`);
      expect(cls).toBe(0);
      expect(loadedHeight).toBe(undefinedHeight);
    });

    it(`is 0 at ${width}px wide for the long brief with points="6"`, async () => {
      const { cls, undefinedHeight, loadedHeight } = await articleShift(width, longBrief(), {
        points: 6,
        lines: 2,
      });
      expect(cls).toBe(0);
      expect(loadedHeight).toBe(undefinedHeight);
    });
  }
});

describe('the loading skeleton with lines="2"', () => {
  /** Opens `embed`, holds the API's answer until the skeleton is measured, then measures the brief. */
  async function heights(embed: (src: string) => string, body: unknown, name: string) {
    await site.page.setViewportSize({ width: 390, height: 900 });
    let answer: (response: ServerResponse) => void = () => {};
    const held = new Promise<ServerResponse>((resolve) => {
      answer = resolve;
    });
    const src = serveApi(site.api, `/api/briefs/${name}`, (_request, response) => answer(response));
    const { page } = await openPartnerPage(site, { body: embed(src) });
    const response = await held;
    await page.waitForFunction(
      () => document.querySelector("news-brief")?.getAttribute("aria-busy") === "true",
    );
    const skeleton = await hostHeight(page);
    response.writeHead(200, { "access-control-allow-origin": "*" }).end(JSON.stringify(body));
    expect((await briefEvents(page)).map((event) => event.type)).toEqual(["brief-load"]);
    return { skeleton, loaded: await hostHeight(page) };
  }

  const longText = "Un texte bien trop long pour tenir sur les lignes prévues. ".repeat(12);
  const cases = [
    { what: "a brief with more points than the points attribute", embed: 'points="2"', body: baseBrief },
    {
      what: "a brief with fewer points than reserved",
      embed: "",
      body: { ...baseBrief, points: [baseBrief.points[0]] },
    },
    {
      what: "a brief whose title, lead and points overflow their lines",
      embed: "",
      body: {
        ...baseBrief,
        title: longText,
        lead: longText,
        points: baseBrief.points.map((point) => ({ ...point, text: longText })),
      },
    },
    {
      what: "a brief whose points overflow their lines with emphasis, bold, code and links",
      embed: "",
      body: {
        ...baseBrief,
        points: baseBrief.points.map((point) => ({
          ...point,
          html: `<strong>Gras</strong> <em>penché</em> <code>du code</code> <a href="https://news.example/">un lien</a> `.repeat(
            12,
          ),
        })),
      },
    },
    { what: "the compact layout", embed: 'layout="compact"', body: baseBrief },
    {
      what: "a list of the latest briefs",
      embed: "",
      query: "?limit=2&tag=ethique",
      body: { items: [baseBrief, { ...baseBrief, title: "Deuxième" }], next: null },
    },
  ];
  cases.forEach(({ what, embed, body, query = "" }, index) => {
    it(`has the height of ${what}`, async () => {
      const { skeleton, loaded } = await heights(
        (src) => `<news-brief src="${src}${query}" lines="2" ${embed}><a href="#">Lire</a></news-brief>`,
        body,
        `skeleton-${index}`,
      );
      expect(skeleton).toBeGreaterThan(0);
      expect(loaded).toBe(skeleton);
    });
  });

  it("is as high as the :not(:defined) line reserves, at a 16px font: 26.125em + 2px, 10.625em + 2px compact", async () => {
    const full = await heights(
      (src) => `<news-brief src="${src}" lines="2"></news-brief>`,
      baseBrief,
      "sized",
    );
    expect(full).toEqual({ skeleton: 420, loaded: 420 });
    const compact = await heights(
      (src) => `<news-brief src="${src}" lines="2" layout="compact"></news-brief>`,
      baseBrief,
      "sized-compact",
    );
    expect(compact).toEqual({ skeleton: 172, loaded: 172 });
  });
});

describe("the loading skeleton of the whole brief", () => {
  /** The height of the first `<news-brief>` once it shows its skeleton; the API never answers. */
  async function skeletonHeight(attributes: string, name: string) {
    await site.page.setViewportSize({ width: 390, height: 900 });
    const src = serveApi(site.api, `/api/briefs/${name}`, () => {});
    const { page } = await openPartnerPage(site, {
      body: `<news-brief src="${src}" ${attributes}></news-brief>`,
    });
    await page.waitForFunction(
      () => document.querySelector("news-brief")?.getAttribute("aria-busy") === "true",
    );
    return hostHeight(page);
  }

  it("is as high as the :not(:defined) line reserves, at a 16px font: 40.75em + 2px, 8.75em + 2px compact", async () => {
    expect(await skeletonHeight("", "whole-sized")).toBe(40.75 * 16 + 2);
    expect(await skeletonHeight('points="6"', "whole-sized-6")).toBe(69.25 * 16 + 2);
    expect(await skeletonHeight('layout="compact"', "whole-sized-compact")).toBe(8.75 * 16 + 2);
  });
});

// <news-brief> moves nothing on the partner's page: the host's one CSS line, the skeleton and the brief all have one size.
import type { ServerResponse } from "node:http";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseBrief } from "./support/briefs.js";
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

/** The line the README gives partners for the moment before the widget's script has run. */
const NOT_DEFINED_CSS = "news-brief:not(:defined){display:block;min-height:calc(26.125em + 2px)}";

const API_DELAY_MS = 300;

let site: PartnerSite;
beforeAll(async () => {
  site = await startPartnerSite();
  // The widget's script arrives late too, so the page is painted with the element not yet defined.
  site.partner.route("/late/news-brief.js", (request, response) =>
    setTimeout(
      () => respond(200, site.widgetScript, { "content-type": "text/javascript" })(request, response),
      API_DELAY_MS,
    ),
  );
  serveCss(site, "/article.css", `body{font:16px/1.6 Georgia,serif;max-width:40em}\n${NOT_DEFINED_CSS}`);
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

describe("cumulative layout shift of a partner page with the widget between two paragraphs", () => {
  for (const width of [390, 800]) {
    it(`is 0 at ${width}px wide with the script and the API each ${API_DELAY_MS} ms late`, async () => {
      await site.page.setViewportSize({ width, height: 900 });
      const src = serveJsonLate(site.api, `/api/briefs/cls-${width}`, baseBrief, API_DELAY_MS);
      const { page, problems } = await openPartnerPage(site, {
        head: `<link rel="stylesheet" href="/article.css">`,
        widgetScripts: ["/late/news-brief.js"],
        body: `${TEXT}${TEXT}<news-brief src="${src}"><a href="${baseBrief.url}">Lire la brève</a></news-brief>${TEXT}`,
      });
      const undefinedHeight = await hostHeight(page);
      expect(await page.evaluate(() => customElements.get("news-brief"))).toBeUndefined();
      expect((await briefEvents(page)).map((event) => event.type)).toEqual(["brief-load"]);

      const cls = await cumulativeLayoutShift(page);
      console.info(`CLS at ${width}px: ${cls}`);
      expect(cls).toBe(0);
      expect(await hostHeight(page)).toBe(undefinedHeight);
      expect(unexpectedProblems(problems)).toEqual([]);
    });
  }
});

describe("the loading skeleton", () => {
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
        (src) => `<news-brief src="${src}${query}" ${embed}><a href="#">Lire</a></news-brief>`,
        body,
        `skeleton-${index}`,
      );
      expect(skeleton).toBeGreaterThan(0);
      expect(loaded).toBe(skeleton);
    });
  });

  it("is as high as the :not(:defined) line reserves, at a 16px font: 26.125em + 2px, 10.625em + 2px compact", async () => {
    const full = await heights((src) => `<news-brief src="${src}"></news-brief>`, baseBrief, "sized");
    expect(full).toEqual({ skeleton: 420, loaded: 420 });
    const compact = await heights(
      (src) => `<news-brief src="${src}" layout="compact"></news-brief>`,
      baseBrief,
      "sized-compact",
    );
    expect(compact).toEqual({ skeleton: 172, loaded: 172 });
  });
});

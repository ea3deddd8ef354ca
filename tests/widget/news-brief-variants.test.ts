// The shapes a <news-brief> takes: one brief or the latest ones from the list API, full or compact, with N points.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { baseBrief, seedBrief } from "./support/briefs.js";
import {
  briefEvents,
  loadedTitles,
  openPartnerPage,
  serveJson,
  unexpectedProblems,
  usePartnerSite,
} from "./support/partner-site.js";
import { shownBrief } from "./support/shown-brief.js";

const site = usePartnerSite();

/** The titles shown, in order, and how many of each part is visible (rendered with a box). */
function shownParts(page: Page) {
  return page.evaluate(() => {
    const root = document.querySelector("news-brief")?.shadowRoot as ShadowRoot;
    const visible = (part: string) =>
      [...root.querySelectorAll(`[part=${part}]`)].filter((element) => element.getClientRects().length > 0)
        .length;
    return {
      titles: [...root.querySelectorAll("[part=title]")].map((title) => title.textContent),
      visible: Object.fromEntries(
        ["source", "title", "lead", "points", "point", "link"].map((part) => [part, visible(part)]),
      ),
    };
  });
}

describe("src pointing at the list API", () => {
  it("shows every brief of { items: [...] } in order, and brief-load carries them all", async () => {
    const items = [baseBrief, { ...baseBrief, title: "Deuxième" }, { ...baseBrief, title: "Troisième" }];
    const src = serveJson(site.api, "/api/briefs", {
      items,
      next: "https://news.example/api/briefs?after=x",
    });
    const { page, problems } = await openPartnerPage(site, {
      body: `<news-brief src="${src}?limit=3&amp;tag=ethique"></news-brief>`,
    });
    expect((await briefEvents(page)).map((event) => event.type)).toEqual(["brief-load"]);
    const briefs = await loadedTitles(page);
    expect(briefs).toEqual(items.map((brief) => brief.title));
    expect(site.api.requests.at(-1)?.url).toBe("/api/briefs?limit=3&tag=ethique");
    const shown = await shownParts(page);
    expect(shown.titles).toEqual(items.map((brief) => brief.title));
    expect(shown.visible).toEqual({ source: 3, title: 3, lead: 3, points: 3, point: 9, link: 3 });
    expect(unexpectedProblems(problems)).toEqual([]);
  });

  it("reports invalid and keeps the fallback when the list is empty", async () => {
    const src = serveJson(site.api, "/api/briefs", { items: [], next: null });
    const { page } = await openPartnerPage(site, {
      body: `<news-brief src="${src}?tag=rien"><a href="#">Lire</a></news-brief>`,
    });
    expect((await briefEvents(page)).map((event) => event.reason)).toEqual(["invalid"]);
    expect((await shownBrief(page)).fallbackSlotted).toBe(true);
  });
});

describe("layout", () => {
  it("compact shows only the source, date, title and link", async () => {
    const src = serveJson(site.api, "/api/briefs/compact", baseBrief);
    const { page } = await openPartnerPage(site, {
      body: `<news-brief src="${src}" layout="compact"></news-brief>`,
    });
    await briefEvents(page);

    expect((await shownParts(page)).visible).toEqual({
      source: 1,
      title: 1,
      lead: 0,
      points: 0,
      point: 0,
      link: 1,
    });
    expect(await page.getByRole("list").count()).toBe(0);
    expect(await page.evaluate(() => document.querySelector("news-brief")?.layout)).toBe("compact");
  });

  it("full is the default, and what an unknown layout means", async () => {
    const src = serveJson(site.api, "/api/briefs/full", baseBrief);
    const { page } = await openPartnerPage(site, {
      body: `<news-brief src="${src}" layout="wide"></news-brief>`,
    });
    await briefEvents(page);

    expect((await shownParts(page)).visible).toEqual({
      source: 1,
      title: 1,
      lead: 1,
      points: 1,
      point: 3,
      link: 1,
    });
    expect(await page.evaluate(() => document.querySelector("news-brief")?.layout)).toBe("full");
  });
});

describe("the points attribute", () => {
  const cases = [
    { value: "1", shown: 1, property: 1 },
    { value: "2", shown: 2, property: 2 },
    { value: "none", shown: 3, property: 3 },
    { value: "-1", shown: 3, property: 3 },
  ];
  for (const { value, shown, property } of cases) {
    it(`shows ${shown} of the brief's 3 points when it is "${value}"`, async () => {
      const src = serveJson(site.api, `/api/briefs/points-${value}`, baseBrief);
      const { page } = await openPartnerPage(site, {
        body: `<news-brief src="${src}" points="${value}"></news-brief>`,
      });
      await briefEvents(page);

      expect((await shownBrief(page)).points.map((point) => point.heading)).toEqual(
        baseBrief.points.slice(0, shown).map((point) => point.heading),
      );
      expect(await page.evaluate(() => document.querySelector("news-brief")?.points)).toBe(property);
    });
  }
});

/** Per key point of the first `<news-brief>`: its scroll and client heights, and its line height, in px. */
function pointBoxes(page: Page) {
  return page.evaluate(() =>
    [...(document.querySelector("news-brief")?.shadowRoot?.querySelectorAll("[part=point]") ?? [])].map(
      (point) => ({
        scrollHeight: point.scrollHeight,
        clientHeight: point.clientHeight,
        lineHeight: Number.parseFloat(getComputedStyle(point).lineHeight),
      }),
    ),
  );
}

describe("the whole brief, by default", () => {
  for (const width of [390, 800]) {
    it(`clips none of the seed brief's key points at ${width}px wide`, async () => {
      await site.page.setViewportSize({ width, height: 900 });
      const src = serveJson(site.api, `/api/briefs/seed-${width}`, await seedBrief());
      const { page } = await openPartnerPage(site, { body: `<news-brief src="${src}"></news-brief>` });
      await briefEvents(page);

      const boxes = await pointBoxes(page);
      expect(boxes).toHaveLength(3);
      for (const box of boxes) {
        expect(box.scrollHeight).toBeLessThanOrEqual(box.clientHeight);
        // Long points: several lines each, which a clamp to 2 or 3 would have cut.
        expect(box.clientHeight).toBeGreaterThan(3 * box.lineHeight);
      }
    });
  }
});

describe("the lines attribute", () => {
  it("clamps each key point to that many lines, the rest hidden", async () => {
    await site.page.setViewportSize({ width: 390, height: 900 });
    const src = serveJson(site.api, "/api/briefs/seed-lines", await seedBrief());
    const { page } = await openPartnerPage(site, {
      body: `<news-brief src="${src}" lines="2"></news-brief>`,
    });
    await briefEvents(page);

    for (const box of await pointBoxes(page)) {
      expect(box.clientHeight).toBe(2 * box.lineHeight);
      expect(box.scrollHeight).toBeGreaterThan(box.clientHeight);
    }
    expect(await page.evaluate(() => document.querySelector("news-brief")?.lines)).toBe(2);
  });

  for (const value of ["0", "-2", "1.5", "deux"]) {
    it(`means no clamp when it is "${value}"`, async () => {
      const src = serveJson(site.api, `/api/briefs/lines-${value}`, await seedBrief());
      const { page } = await openPartnerPage(site, {
        body: `<news-brief src="${src}" lines="${value}"></news-brief>`,
      });
      await briefEvents(page);

      for (const box of await pointBoxes(page))
        expect(box.scrollHeight).toBeLessThanOrEqual(box.clientHeight);
      expect(await page.evaluate(() => document.querySelector("news-brief")?.lines)).toBeUndefined();
    });
  }

  it("reflects the property to the attribute, and clamps again at the new count", async () => {
    const src = serveJson(site.api, "/api/briefs/lines-property", await seedBrief());
    const { page } = await openPartnerPage(site, { body: `<news-brief src="${src}"></news-brief>` });
    await briefEvents(page);

    await page.evaluate(() => {
      const element = document.querySelector("news-brief");
      if (element) element.lines = 3;
      return element?.updateComplete;
    });
    expect(await page.evaluate(() => document.querySelector("news-brief")?.getAttribute("lines"))).toBe("3");
    for (const box of await pointBoxes(page)) expect(box.clientHeight).toBe(3 * box.lineHeight);
  });
});

// <news-brief> for readers with assistive technology, a keyboard or a wish for less motion, checked by axe-core in Chromium.
import { readFile } from "node:fs/promises";
import type { ServerResponse } from "node:http";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseBrief } from "./support/briefs.js";
import {
  briefEvents,
  openPartnerPage,
  type PartnerSite,
  serveApi,
  serveJson,
  startPartnerSite,
} from "./support/partner-site.js";

let site: PartnerSite;
let axeSource: string;
beforeAll(async () => {
  [site, axeSource] = await Promise.all([
    startPartnerSite(),
    readFile("node_modules/axe-core/axe.min.js", "utf8"),
  ]);
});
afterAll(() => site?.close());

const FALLBACK = `<a href="${baseBrief.url}">Lire la brève</a>`;

/** The WCAG 2 A and AA violations axe-core finds in the page, shadow roots included: rule id and node count. */
async function axeViolations(page: Page): Promise<{ id: string; nodes: number }[]> {
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const { axe } = window as unknown as {
      axe: {
        run(context: Document, options: object): Promise<{ violations: { id: string; nodes: unknown[] }[] }>;
      };
    };
    const results = await axe.run(document, { runOnly: ["wcag2a", "wcag2aa"] });
    return results.violations.map((violation) => ({ id: violation.id, nodes: violation.nodes.length }));
  });
  return violations;
}

/** A French partner page (axe checks `lang`) around the widget; no CSP, so axe can be injected inline. */
function openPage(body: string) {
  return openPartnerPage(site, {
    csp: false,
    lang: "fr",
    body: `<main><h1>Blog partenaire</h1><p>Avant.</p>${body}<p>Après.</p></main>`,
  });
}

describe("axe-core (WCAG 2 A and AA)", () => {
  it("finds no violation while the brief loads", async () => {
    let answer: (response: ServerResponse) => void = () => {};
    const held = new Promise<ServerResponse>((resolve) => {
      answer = resolve;
    });
    const src = serveApi(site.api, "/api/briefs/axe-loading", (_request, response) => answer(response));
    const { page } = await openPage(`<news-brief src="${src}">${FALLBACK}</news-brief>`);
    const response = await held;

    expect(await page.evaluate(() => document.querySelector("news-brief")?.getAttribute("aria-busy"))).toBe(
      "true",
    );
    expect(await axeViolations(page)).toEqual([]);
    response.end();
  });

  for (const theme of ["inherit", "dark"]) {
    it(`finds no violation once the brief is shown, theme ${theme}`, async () => {
      const src = serveJson(site.api, `/api/briefs/axe-loaded-${theme}`, baseBrief);
      const { page } = await openPage(`<news-brief src="${src}" theme="${theme}">${FALLBACK}</news-brief>`);
      expect((await briefEvents(page)).map((event) => event.type)).toEqual(["brief-load"]);

      expect(await axeViolations(page)).toEqual([]);
    });
  }

  it("sees into the shadow root: an unreadable --news-brief-color set by the page is a contrast violation", async () => {
    site.partner.route("/pale.css", (_request, response) =>
      response.writeHead(200, { "content-type": "text/css" }).end("news-brief{--news-brief-color:#eee}"),
    );
    const src = serveJson(site.api, "/api/briefs/axe-pale", baseBrief);
    const { page } = await openPartnerPage(site, {
      csp: false,
      lang: "fr",
      head: `<link rel="stylesheet" href="/pale.css">`,
      body: `<main><news-brief src="${src}"></news-brief></main>`,
    });
    await briefEvents(page);

    expect((await axeViolations(page)).map((violation) => violation.id)).toEqual(["color-contrast"]);
  });

  it("finds no violation when the brief cannot be shown", async () => {
    const src = serveJson(site.api, "/api/briefs/axe-error", { error: "no such brief" }, 404);
    const { page } = await openPage(`<news-brief src="${src}">${FALLBACK}</news-brief>`);
    expect((await briefEvents(page)).map((event) => event.reason)).toEqual(["http"]);

    expect(await axeViolations(page)).toEqual([]);
  });
});

describe("semantics and keyboard", () => {
  it("exposes a level-2 heading, a list of the points and the link, and reaches the link with Tab", async () => {
    const src = serveJson(site.api, "/api/briefs/keyboard", baseBrief);
    const { page } = await openPage(
      `<a href="#top">Haut</a><news-brief src="${src}">${FALLBACK}</news-brief>`,
    );
    await briefEvents(page);

    expect(await page.getByRole("heading", { level: 2, name: baseBrief.title }).count()).toBe(1);
    expect(await page.getByRole("list").getByRole("listitem").count()).toBe(3);
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    const focus = await page.evaluate(() => {
      const link = document.querySelector("news-brief")?.shadowRoot?.activeElement as HTMLElement | null;
      const style = link && getComputedStyle(link);
      return {
        part: link?.getAttribute("part"),
        focusVisible: link?.matches(":focus-visible"),
        outline: style && `${style.outlineStyle} ${style.outlineWidth}`,
      };
    });
    expect(focus).toEqual({ part: "link", focusVisible: true, outline: "solid 2px" });
    expect(
      await page
        .getByRole("link", { name: "Lire l'article sur Clubic" })
        .evaluate((link) => link.getAttribute("href")),
    ).toBe(baseBrief.source.url);
  });

  it("reaches a link inside a point with Tab, before the main link, and rings both alike", async () => {
    const brief = {
      ...baseBrief,
      points: [
        {
          ...baseBrief.points[0],
          html: `Plus de 250 <em>employés</em> signent <a href="https://www.clubic.com/lettre">une lettre</a>.`,
        },
      ],
    };
    const src = serveJson(site.api, "/api/briefs/keyboard-point-link", brief);
    const { page } = await openPage(
      `<a href="#top">Haut</a><news-brief src="${src}">${FALLBACK}</news-brief>`,
    );
    await briefEvents(page);

    const focused = () =>
      page.evaluate(() => {
        const link = document.querySelector("news-brief")?.shadowRoot?.activeElement as HTMLElement | null;
        const style = link && getComputedStyle(link);
        return {
          text: link?.textContent,
          focusVisible: link?.matches(":focus-visible"),
          outline:
            style &&
            `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor} ${style.outlineOffset}`,
        };
      });
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    const inPoint = await focused();
    await page.keyboard.press("Tab");
    const main = await focused();
    expect(inPoint).toMatchObject({ text: "une lettre", focusVisible: true });
    expect(main).toMatchObject({ text: "Lire l'article sur Clubic", focusVisible: true });
    expect(inPoint.outline).toMatch(/^solid 2px /);
    expect(inPoint.outline).toBe(main.outline);
    expect(await axeViolations(page)).toEqual([]);
  });

  it("runs no animation while loading, with or without prefers-reduced-motion: reduce", async () => {
    const src = serveApi(site.api, "/api/briefs/motion", () => {});
    for (const reducedMotion of ["reduce", "no-preference"] as const) {
      await site.page.emulateMedia({ reducedMotion });
      const { page } = await openPage(`<news-brief src="${src}" timeout="60000">${FALLBACK}</news-brief>`);
      await page.waitForFunction(
        () => document.querySelector("news-brief")?.getAttribute("aria-busy") === "true",
      );
      expect(await page.evaluate(() => document.getAnimations().length)).toBe(0);
    }
    await site.page.emulateMedia({ reducedMotion: null });
  });
});

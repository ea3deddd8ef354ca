// How <news-brief> looks on someone else's page: the page's font and colours, its own themes, and no harm from hostile CSS.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseBrief } from "./support/briefs.js";
import {
  briefEvents,
  openPartnerPage,
  type PartnerSite,
  serveCss,
  serveJson,
  startPartnerSite,
  unexpectedProblems,
} from "./support/partner-site.js";

let site: PartnerSite;
beforeAll(async () => {
  site = await startPartnerSite();
  serveCss(
    site,
    "/page.css",
    "body{font:18px Georgia,serif;color:rgb(10,20,30);background:rgb(250,240,230)}",
  );
  serveCss(
    site,
    "/aggressive.css",
    "* { all: revert } p, li, a { color: red !important } html { font-size: 62.5% }",
  );
});
afterAll(() => site?.close());

/** Computed styles of the shadow parts of the first `<news-brief>`. */
async function partStyles(page: import("playwright-core").Page) {
  return page.evaluate(() => {
    const host = document.querySelector("news-brief") as HTMLElement;
    const root = host.shadowRoot as ShadowRoot;
    const style = (css: string) => getComputedStyle(root.querySelector(css) as Element);
    const article = style("article");
    return {
      hostColor: getComputedStyle(host).color,
      color: article.color,
      background: article.backgroundColor,
      fontFamily: article.fontFamily,
      fontSize: article.fontSize,
      height: root.querySelector("article")?.getBoundingClientRect().height,
      border: `${article.borderTopWidth} ${article.borderTopStyle}`,
      partColors: ["title", "lead", "point", "link", "source"].map((part) => style(`[part=${part}]`).color),
      titleSize: style("[part=title]").fontSize,
      leadSize: style("[part=lead]").fontSize,
    };
  });
}

async function openThemed(attributes: string, name: string) {
  const src = serveJson(site.api, `/api/briefs/${name}`, baseBrief);
  const { page, problems } = await openPartnerPage(site, {
    head: `<link rel="stylesheet" href="/page.css">`,
    body: `<news-brief src="${src}" ${attributes}></news-brief>`,
  });
  await briefEvents(page);
  return { page, problems };
}

describe("themes", () => {
  it("inherit the page's font and text colour and let its background through by default", async () => {
    const { page, problems } = await openThemed("", "theme-default");
    const styles = await partStyles(page);
    expect(styles).toMatchObject({
      color: "rgb(10, 20, 30)",
      background: "rgba(0, 0, 0, 0)",
      fontFamily: "Georgia, serif",
      fontSize: "18px",
    });
    expect(new Set(styles.partColors)).toEqual(new Set(["rgb(10, 20, 30)"]));
    expect(await page.evaluate(() => document.querySelector("news-brief")?.theme)).toBe("inherit");
    expect(unexpectedProblems(problems)).toEqual([]);
  });

  it("treat an unknown theme as inherit", async () => {
    const { page } = await openThemed('theme="neon"', "theme-unknown");
    expect(await partStyles(page)).toMatchObject({
      color: "rgb(10, 20, 30)",
      background: "rgba(0, 0, 0, 0)",
    });
    expect(await page.evaluate(() => document.querySelector("news-brief")?.theme)).toBe("inherit");
  });

  const light = { color: "rgb(34, 34, 34)", background: "rgb(255, 255, 255)", fontFamily: "Georgia, serif" };
  const dark = { color: "rgb(238, 238, 238)", background: "rgb(34, 34, 34)", fontFamily: "Georgia, serif" };
  const cases = [
    { theme: "light", scheme: "dark", expected: light },
    { theme: "dark", scheme: "light", expected: dark },
    { theme: "auto", scheme: "light", expected: light },
    { theme: "auto", scheme: "dark", expected: dark },
  ] as const;
  for (const { theme, scheme, expected } of cases) {
    it(`${theme} sets its own colours when the reader prefers ${scheme}, keeping the page's font`, async () => {
      await site.page.emulateMedia({ colorScheme: scheme });
      try {
        const { page } = await openThemed(`theme="${theme}"`, `theme-${theme}-${scheme}`);
        expect(await partStyles(page)).toMatchObject(expected);
      } finally {
        await site.page.emulateMedia({ colorScheme: null });
      }
    });
  }

  it("give way to --news-brief-color and --news-brief-background", async () => {
    serveCss(
      site,
      "/override.css",
      "news-brief{--news-brief-color:rgb(1,2,3);--news-brief-background:rgb(4,5,6)}",
    );
    const src = serveJson(site.api, "/api/briefs/theme-override", baseBrief);
    const { page } = await openPartnerPage(site, {
      head: `<link rel="stylesheet" href="/override.css">`,
      body: `<news-brief src="${src}" theme="dark"></news-brief>`,
    });
    await briefEvents(page);
    expect(await partStyles(page)).toMatchObject({ color: "rgb(1, 2, 3)", background: "rgb(4, 5, 6)" });
  });
});

describe("a page with aggressive CSS", () => {
  // "Intact" here: no page colour reaches the widget's own text (the slotted fallback is the page's and may
  // turn red), its text is never below 14px however small the page's root font, and its box and line
  // counts, so its height, are those the README promises for lines="2" (26.125em + 2px, at the 14px floor).
  it("leaves the widget's colours, sizes, border and height intact", async () => {
    const src = serveJson(site.api, "/api/briefs/aggressive", baseBrief);
    const { page, problems } = await openPartnerPage(site, {
      head: `<link rel="stylesheet" href="/aggressive.css">`,
      body: `<p>Texte du partenaire, en rouge.</p><news-brief src="${src}" lines="2"></news-brief>`,
    });
    await briefEvents(page);

    const styles = await partStyles(page);
    expect(await page.evaluate(() => getComputedStyle(document.querySelector("p") as Element).color)).toBe(
      "rgb(255, 0, 0)",
    );
    expect(styles.partColors).not.toContain("rgb(255, 0, 0)");
    expect(new Set(styles.partColors)).toEqual(new Set([styles.hostColor]));
    expect(styles).toMatchObject({
      fontSize: "14px",
      leadSize: "14px",
      titleSize: "17.5px",
      border: "1px solid",
    });
    expect(styles.height).toBe(26.125 * 14 + 2);
    expect(unexpectedProblems(problems)).toEqual([]);
  });
});

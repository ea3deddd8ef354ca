// What a partner page risks by embedding <news-brief>: no markup from the API runs, no cookies leave, no inline style.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseBrief } from "./support/briefs.js";
import {
  briefEvents,
  openPartnerPage,
  type PartnerSite,
  serveJson,
  startPartnerSite,
  unexpectedProblems,
} from "./support/partner-site.js";
import { shownBrief } from "./support/shown-brief.js";

let site: PartnerSite;
beforeAll(async () => {
  site = await startPartnerSite();
});
afterAll(() => site?.close());

describe("hostile text from the API", () => {
  const hostile = {
    ...baseBrief,
    title: `<script>window.pwned = "title"</script>Titre`,
    lead: `<img src="/pwned.png" onerror="window.pwned = 'lead'">`,
    points: [
      {
        heading: `<b onmouseover="window.pwned = 'heading'">Gras</b>`,
        text: `<a href="javascript:window.pwned = 'point'">clic</a>`,
        html: `<img src="/pwned.png" onerror="window.pwned = 'html'">`,
      },
    ],
  };

  it("renders as inert text on a page without a CSP: no element is created, nothing runs or loads", async () => {
    const src = serveJson(site.api, "/api/briefs/hostile", hostile);
    // No CSP here: it would block the inline handlers and hide a widget that let them through.
    const { page, problems } = await openPartnerPage(site, {
      csp: false,
      body: `<news-brief src="${src}"></news-brief>`,
    });
    expect((await briefEvents(page)).map((event) => event.type)).toEqual(["brief-load"]);

    const shown = await shownBrief(page);
    expect(shown.title).toBe(hostile.title);
    expect(shown.lead).toBe(hostile.lead);
    expect(shown.points).toEqual([
      {
        heading: hostile.points[0]?.heading,
        text: `${hostile.points[0]?.heading} ${hostile.points[0]?.text}`,
      },
    ]);
    const injected = await page.evaluate(() => {
      const root = document.querySelector("news-brief")?.shadowRoot;
      return root?.querySelectorAll("script, img, b, a:not([part=link])").length;
    });
    expect(injected).toBe(0);
    expect(await page.evaluate(() => (window as { pwned?: string }).pwned)).toBeUndefined();
    expect(site.partner.requests.some((request) => request.url === "/pwned.png")).toBe(false);
    expect(unexpectedProblems(problems)).toEqual([]);
  });

  const unsafeLinks = [
    {
      field: "source.url",
      url: "javascript:alert(1)",
      brief: { ...baseBrief, source: { ...baseBrief.source, url: "javascript:alert(1)" } },
    },
    {
      field: "url",
      url: "javascript:alert(1)",
      brief: { ...baseBrief, url: "javascript:alert(1)", source: { ...baseBrief.source, url: null } },
    },
    {
      field: "source.url",
      url: "data:text/html,x",
      brief: { ...baseBrief, source: { ...baseBrief.source, url: "data:text/html,x" } },
    },
  ];
  unsafeLinks.forEach(({ field, url, brief }, index) => {
    it(`refuses a brief whose ${field} is ${url}, and links nowhere`, async () => {
      const src = serveJson(site.api, `/api/briefs/unsafe-link-${index}`, brief);
      const { page } = await openPartnerPage(site, {
        body: `<news-brief src="${src}"><a href="#">fallback</a></news-brief>`,
      });

      expect((await briefEvents(page)).map((event) => event.reason)).toEqual(["invalid"]);
      const shown = await shownBrief(page);
      expect(shown.link).toBeNull();
      expect(shown.fallbackSlotted).toBe(true);
    });
  });
});

describe("the request to the API", () => {
  it("carries no cookie, although the page's browser holds one for the API's host", async () => {
    const context = site.page.context();
    await context.addCookies([{ name: "reader", value: "42", domain: "127.0.0.1", path: "/" }]);
    try {
      const src = serveJson(site.api, "/api/briefs/cookie-free", baseBrief);
      const control = serveJson(site.api, "/api/briefs/cookie-control", baseBrief);
      const { page } = await openPartnerPage(site, { body: `<news-brief src="${src}"></news-brief>` });
      await briefEvents(page);
      // Proof that the browser would send the cookie here if asked: a credentialed fetch to the same API.
      await page.evaluate((url) => fetch(url, { credentials: "include" }).catch(() => undefined), control);

      const cookieFor = (url: string) =>
        site.api.requests
          .filter((request) => site.api.origin + request.url === url)
          .map((request) => request.headers.cookie);
      expect(cookieFor(control)).toEqual(["reader=42"]);
      expect(cookieFor(src)).toEqual([undefined]);
    } finally {
      await context.clearCookies();
    }
  });
});

describe("styles", () => {
  it("uses no style attribute and is styled under a CSP that forbids inline styles", async () => {
    const src = serveJson(site.api, "/api/briefs/styled", baseBrief);
    const { page, problems } = await openPartnerPage(site, {
      body: `<news-brief src="${src}"></news-brief>`,
    });
    await briefEvents(page);

    const styling = await page.evaluate(() => {
      const root = document.querySelector("news-brief")?.shadowRoot;
      const article = root?.querySelector("article");
      return {
        styleAttributes: root?.querySelectorAll("[style]").length,
        adoptedSheets: root?.adoptedStyleSheets.length,
        borderWidth: article && getComputedStyle(article).borderTopWidth,
      };
    });
    expect(styling).toEqual({ styleAttributes: 0, adoptedSheets: 1, borderWidth: "1px" });
    expect(unexpectedProblems(problems)).toEqual([]);
  });
});

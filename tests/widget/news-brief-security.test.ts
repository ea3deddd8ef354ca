// What a partner page and its readers risk by embedding <news-brief>: no markup from the API runs, no cookie or storage
// is touched, no request goes anywhere but the API, no inline style, no CSP violation.
import type { Page, Request } from "playwright-core";
import { describe, expect, it } from "vitest";
import { publishedCatalog } from "../fixtures/hostile-content/published-content.js";
import { PUBLISHED_KINDS, shownFields } from "../fixtures/hostile-content/published-kinds.js";
import { testApp } from "../support/test-app.js";
import { baseBrief } from "./support/briefs.js";
import { respond } from "./support/http-server.js";
import { watchPage } from "./support/page-watch.js";
import {
  briefEvents,
  openPartnerPage,
  serveJson,
  unexpectedProblems,
  usePartnerSite,
} from "./support/partner-site.js";
import { shownBrief } from "./support/shown-brief.js";

const site = usePartnerSite();

const cspViolations = (page: Page) =>
  page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);

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
        text: hostile.points[0]?.heading,
        markup: "",
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

describe("hostile html in key points", () => {
  // Each point's html, and the markup it must become: only text, em, strong, code and http(s) links survive.
  const tricks = [
    [`<img src=x onerror="window.pwned = 'img'; alert(1)">image`, "image"],
    [`<script>alert(2)</script>après`, "après"],
    [`<a href="javascript:window.pwned = 'href'; alert(3)">clic</a>`, "clic"],
    [`<a href=" JavaScript:alert(4)">espace</a><a href="data:text/html,x">data</a>`, "espacedata"],
    [`<svg onload="window.pwned = 'svg'; alert(5)"><a href="https://svg.example/">svg</a></svg>`, "svg"],
    [
      `<iframe src="x" onload="alert(6)"></iframe><iframe srcdoc="<script>alert(7)</script>"></iframe>cadre`,
      "cadre",
    ],
    [`<em style="color: red" class="x" onclick="alert(8)">style</em>`, "<em>style</em>"],
    [`<em><img src=x onerror="window.pwned = 'nested'; alert(9)"></em>`, "<em></em>"],
    [
      `<strong><code onmouseover="alert(10)"><a href="https://ok.example/" target="_blank" onfocus="alert(11)" autofocus>ok</a></code></strong>`,
      `<strong><code><a href="https://ok.example/">ok</a></code></strong>`,
    ],
    [
      `<details open ontoggle="alert(12)"><summary>plié</summary></details><video><source onerror="alert(13)"></video>`,
      "plié",
    ],
    [
      `<math><mi xlink:href="javascript:alert(14)">m</mi></math><object data="x"></object><embed src="x">`,
      "m",
    ],
    [`<!-- commentaire --><template><img src=x onerror="alert(15)"></template>fin`, "fin"],
  ] as const;
  const brief = {
    ...baseBrief,
    points: tricks.map(([html]) => ({ heading: null, text: "texte", html })),
  };

  it("renders inert on a page without a CSP: only the four allowed elements, no handler, no dialog, no request to x", async () => {
    const watched = watchPage(site.page);
    try {
      const src = serveJson(site.api, "/api/briefs/hostile-html", brief);
      // No CSP: it would block the inline handlers and hide a widget that let them through.
      const { page, problems } = await openPartnerPage(site, {
        csp: false,
        body: `<news-brief src="${src}" points="${tricks.length}"></news-brief>`,
      });
      expect((await briefEvents(page)).map((event) => event.type)).toEqual(["brief-load"]);
      // Time for an error or load handler, had one been let through, to fire.
      await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 300)));

      expect((await shownBrief(page)).points.map((point) => point.markup)).toEqual(
        tricks.map(([, markup]) => markup),
      );
      const elements = await page.evaluate(() => {
        const root = document.querySelector("news-brief")?.shadowRoot;
        return [...(root?.querySelectorAll("li[part=point] *") ?? [])].map((element) =>
          [element.tagName, ...element.getAttributeNames()].join(" "),
        );
      });
      expect(new Set(elements)).toEqual(new Set(["EM", "STRONG", "CODE", "A href"]));
      expect(await page.evaluate(() => (window as { pwned?: string }).pwned)).toBeUndefined();
      expect(watched.dialogs).toBe(0);
      expect(watched.requests.filter((url) => /\/x$/.test(url))).toEqual([]);
      expect(site.partner.requests.filter((request) => request.url === "/x")).toEqual([]);
      expect(unexpectedProblems(problems)).toEqual([]);
    } finally {
      watched.stop();
    }
  });

  it("would have counted a handler: the same img in the page's own markup sets the flag and opens a dialog", async () => {
    const watched = watchPage(site.page);
    try {
      const { page } = await openPartnerPage(site, {
        csp: false,
        body: `<img src=x onerror="window.pwned = 'page'; alert(1)">`,
      });
      await page.waitForFunction(() => (window as { pwned?: string }).pwned === "page");
      expect(watched.dialogs).toBe(1);
      expect(site.partner.requests.some((request) => request.url === "/x")).toBe(true);
    } finally {
      watched.stop();
    }
  });
});

describe("the hostile content catalogue, as the real API serves it", () => {
  it("renders every published kind as its text, on a page without a CSP: nothing runs, loads or is made", async () => {
    // The catalogue through the real loader, store and API: the widget gets exactly what it would in production.
    const app = testApp(await publishedCatalog());
    const list = await (await app.request("https://briefs.example.com/api/briefs?limit=50")).text();
    const src = `${serveJson(site.api, "/api/briefs", list)}?limit=50`;
    const watched = watchPage(site.page);
    try {
      // No CSP: it would block the inline handlers and hide a widget that let them through.
      const { page, problems } = await openPartnerPage(site, {
        csp: false,
        body: `<news-brief src="${src}" points="6"></news-brief>`,
      });
      expect((await briefEvents(page)).map((event) => event.type)).toEqual(["brief-load"]);
      // Time for an error or load handler, had one been let through, to fire.
      await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 300)));

      const shown = await page.evaluate(() =>
        [...(document.querySelector("news-brief")?.shadowRoot?.querySelectorAll("article") ?? [])].map(
          (article) => ({
            source: article.querySelector("[part=source]")?.textContent ?? "",
            title: article.querySelector("[part=title]")?.textContent,
            lead: article.querySelector("[part=lead]")?.textContent,
            points: [...article.querySelectorAll("[part=point]")].map((point) => point.textContent),
          }),
        ),
      );
      expect(shown).toHaveLength(PUBLISHED_KINDS.length);
      for (const kind of PUBLISHED_KINDS) {
        const fields = shownFields(kind);
        const brief = shown.find((each) => each.title === fields.title);
        expect(brief, kind.id).toMatchObject({
          lead: fields.lead,
          points: kind.keyPoints.map((point) => `${point.heading} ${point.text}`),
        });
        expect(brief?.source, kind.id).toContain(fields.source);
      }
      const elements = await page.evaluate(() => {
        const root = document.querySelector("news-brief")?.shadowRoot;
        return [...(root?.querySelectorAll("li[part=point] *") ?? [])].map((element) =>
          [element.tagName, ...element.getAttributeNames()].join(" "),
        );
      });
      expect(new Set(elements)).toEqual(new Set(["STRONG", "CODE", "A href"]));
      expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
      expect(watched.dialogs).toBe(0);
      expect(watched.requests.filter((url) => /\/x$/.test(url))).toEqual([]);
      expect(unexpectedProblems(problems)).toEqual([]);
    } finally {
      watched.stop();
    }
  });
});

describe("on a page enforcing Trusted Types", () => {
  it("shows each point's text, since innerHTML throws there, and still renders the brief", async () => {
    const rich = {
      ...baseBrief,
      points: [{ ...baseBrief.points[0], text: "Texte simple.", html: "Texte <em>riche</em>." }],
    };
    const src = serveJson(site.api, "/api/briefs/trusted-types", rich);
    const { page } = await openPartnerPage(site, {
      trustedTypes: true,
      body: `<news-brief src="${src}"></news-brief>`,
    });
    expect((await briefEvents(page)).map((event) => event.type)).toEqual(["brief-load"]);

    const shown = await shownBrief(page);
    expect(shown.title).toBe(baseBrief.title);
    expect(shown.points).toEqual([
      {
        heading: baseBrief.points[0].heading,
        text: `${baseBrief.points[0].heading} Texte simple.`,
        markup: "Texte simple.",
      },
    ]);
    expect(await cspViolations(page)).toEqual([expect.stringMatching(/^require-trusted-types-for /)]);
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

describe("under the partner's Content-Security-Policy", () => {
  // The policy (see openPartnerPage): default-src 'self'; script-src <partner, which serves the widget>;
  // style-src 'self'; connect-src <API>. Lit's constructed stylesheets are not governed by style-src.
  it("loads, styles and shows two briefs, one dark and compact, with no securitypolicyviolation", async () => {
    const src = serveJson(site.api, "/api/briefs/csp", baseBrief);
    const { page, problems } = await openPartnerPage(site, {
      body: `<news-brief src="${src}"></news-brief><news-brief src="${src}" theme="dark" layout="compact"></news-brief>`,
    });
    expect((await briefEvents(page, 2)).map((event) => event.type)).toEqual(["brief-load", "brief-load"]);

    expect(await cspViolations(page)).toEqual([]);
    expect(
      await page.evaluate(() => {
        const article = document.querySelector("news-brief")?.shadowRoot?.querySelector("article");
        return article && getComputedStyle(article).borderTopStyle;
      }),
    ).toBe("solid");
    expect(unexpectedProblems(problems)).toEqual([]);
  });

  it("would have counted a violation: an inline style on the same page is reported", async () => {
    const { page } = await openPartnerPage(site, { body: `<style>p{color:red}</style><p>x</p>` });
    await page.waitForFunction(
      () => (window as unknown as { cspViolations: string[] }).cspViolations.length > 0,
    );
    expect(await cspViolations(page)).toEqual([expect.stringMatching(/^style-src-elem inline/)]);
  });
});

describe("the reader's privacy", () => {
  it("writes no cookie, no localStorage, no sessionStorage and no IndexedDB database", async () => {
    const SNAPSHOT = `window.storageBefore = indexedDB.databases().then((databases) => JSON.stringify({
  cookie: document.cookie, local: { ...localStorage }, session: { ...sessionStorage }, databases,
}));`;
    site.partner.route("/snapshot.js", respond(200, SNAPSHOT, { "content-type": "text/javascript" }));
    const src = serveJson(site.api, "/api/briefs/private", baseBrief);
    const { page } = await openPartnerPage(site, {
      head: `<script src="/snapshot.js"></script>`,
      body: `<news-brief src="${src}"></news-brief>`,
    });
    await briefEvents(page);

    const storage = await page.evaluate(async () => {
      const after = JSON.stringify({
        cookie: document.cookie,
        local: { ...localStorage },
        session: { ...sessionStorage },
        databases: await indexedDB.databases(),
      });
      return { before: await (window as unknown as { storageBefore: Promise<string> }).storageBefore, after };
    });
    expect(storage.after).toBe(storage.before);
    expect(JSON.parse(storage.after)).toEqual({ cookie: "", local: {}, session: {}, databases: [] });
  });

  it("sends requests to the API's origin only, one per brief, and none to the links it shows", async () => {
    const requests: Request[] = [];
    const record = (request: Request) => requests.push(request);
    site.page.on("request", record);
    try {
      const src = serveJson(site.api, "/api/briefs/requests", baseBrief);
      const { page } = await openPartnerPage(site, { body: `<news-brief src="${src}"></news-brief>` });
      await briefEvents(page);
      await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 200)));

      const notThePage = requests
        .map((request) => request.url())
        .filter((url) => new URL(url).origin !== site.partner.origin);
      expect(notThePage).toEqual([src]);
      const [apiRequest] = requests.filter((request) => request.url() === src);
      expect(apiRequest?.method()).toBe("GET");
      expect(await apiRequest?.headerValue("cookie")).toBeNull();
    } finally {
      site.page.off("request", record);
    }
  });
});

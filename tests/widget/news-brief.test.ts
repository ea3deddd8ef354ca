// <news-brief> on a partner page in real Chromium: what it renders, when, in which language, and what it fires.
import type { ServerResponse } from "node:http";
import { describe, expect, it } from "vitest";
import { baseBrief } from "./support/briefs.js";
import {
  briefEvents,
  openPartnerPage,
  serveApi,
  serveJson,
  unexpectedProblems,
  usePartnerSite,
} from "./support/partner-site.js";
import { shownBrief } from "./support/shown-brief.js";

const site = usePartnerSite();

const FALLBACK = `<a id="fallback" href="https://news.example/briefs/x">Read the brief</a>`;
const embed = (src: string, attributes = "") =>
  `<news-brief src="${src}" ${attributes}>${FALLBACK}</news-brief>`;

describe("a brief the API serves", () => {
  it("renders the source, the French date, the title, the lead and three headed points", async () => {
    const src = serveJson(site.api, "/api/briefs/base", baseBrief);
    const { page, problems } = await openPartnerPage(site, { body: embed(src) });
    const [event] = await briefEvents(page);

    expect(event?.type).toBe("brief-load");
    const shown = await shownBrief(page);
    expect(shown.source).toBe("Clubic · 10 juin 2020");
    expect(shown.datetime).toBe(baseBrief.published);
    expect(shown.titleTag).toBe("H2");
    expect(shown.title).toBe(baseBrief.title);
    expect(shown.lead).toBe(baseBrief.lead);
    expect(shown.points).toEqual(
      baseBrief.points.map((point) => ({
        heading: point.heading,
        text: `${point.heading} ${point.text}`,
        markup: point.html,
      })),
    );
    expect(shown.articleLang).toBe("fr");
    expect(unexpectedProblems(problems)).toEqual([]);
  });

  it("links to the source article, in the page's language, when the source has a URL", async () => {
    const src = serveJson(site.api, "/api/briefs/with-source-url", baseBrief);
    const { page } = await openPartnerPage(site, { body: embed(src) });
    await briefEvents(page);

    expect((await shownBrief(page)).link).toEqual({
      href: baseBrief.source.url,
      text: "Read the full story on Clubic",
      lang: "en",
    });
  });

  it("links to the brief's own page when the source has no URL", async () => {
    const brief = { ...baseBrief, source: { ...baseBrief.source, url: null } };
    const src = serveJson(site.api, "/api/briefs/without-source-url", brief);
    const { page } = await openPartnerPage(site, { body: embed(src) });
    await briefEvents(page);

    expect((await shownBrief(page)).link).toEqual({
      href: baseBrief.url,
      text: "Read the brief",
      lang: "en",
    });
  });

  it("renders a point without a heading as its html alone", async () => {
    const brief = { ...baseBrief, points: [{ ...baseBrief.points[0], heading: null }] };
    const src = serveJson(site.api, "/api/briefs/no-heading", brief);
    const { page } = await openPartnerPage(site, { body: embed(src) });
    await briefEvents(page);

    expect((await shownBrief(page)).points).toEqual([
      { heading: null, text: baseBrief.points[0].text, markup: baseBrief.points[0].html },
    ]);
  });

  it("renders emphasis, bold, inline code and a link in a point as those elements", async () => {
    const html = `Une <em>lettre</em> <strong>ouverte</strong> sur <code>git push</code>, <a href="https://www.clubic.com/lettre">lisible ici</a>.`;
    const brief = {
      ...baseBrief,
      points: [{ ...baseBrief.points[0], text: "Une lettre ouverte sur git push, lisible ici.", html }],
    };
    const src = serveJson(site.api, "/api/briefs/rich-point", brief);
    const { page, problems } = await openPartnerPage(site, { body: embed(src) });
    await briefEvents(page);

    expect((await shownBrief(page)).points).toEqual([
      {
        heading: baseBrief.points[0].heading,
        text: `${baseBrief.points[0].heading} Une lettre ouverte sur git push, lisible ici.`,
        markup: html,
      },
    ]);
    const link = page.getByRole("listitem").getByRole("link", { name: "lisible ici" });
    expect(await link.getAttribute("href")).toBe("https://www.clubic.com/lettre");
    expect(unexpectedProblems(problems)).toEqual([]);
  });
});

describe("loading", () => {
  it("shows the fallback link and a busy progressbar until the brief arrives, then only the brief", async () => {
    let answer: (response: ServerResponse) => void = () => {};
    const held = new Promise<ServerResponse>((resolve) => {
      answer = resolve;
    });
    const src = serveApi(site.api, "/api/briefs/held", (_request, response) => answer(response));
    const { page, problems } = await openPartnerPage(site, { body: embed(src) });
    const response = await held;

    const loading = await shownBrief(page);
    expect(loading.busy).toBe("true");
    expect(loading.fallbackSlotted).toBe(true);
    expect(await page.locator("#fallback").isVisible()).toBe(true);
    expect(await page.getByRole("progressbar", { name: "Loading…" }).count()).toBe(1);

    response.writeHead(200, { "access-control-allow-origin": "*" }).end(JSON.stringify(baseBrief));
    await briefEvents(page);
    const loaded = await shownBrief(page);
    expect(loaded.busy).toBeNull();
    expect(loaded.fallbackSlotted).toBe(false);
    expect(loaded.title).toBe(baseBrief.title);
    expect(await page.locator("#fallback").isVisible()).toBe(false);
    expect(await page.getByRole("progressbar").count()).toBe(0);
    expect(unexpectedProblems(problems)).toEqual([]);
  });

  it("shows each point's markup again when points shrinks and grows back", async () => {
    const src = serveJson(site.api, "/api/briefs/points-change", baseBrief);
    const { page } = await openPartnerPage(site, { body: embed(src) });
    await briefEvents(page);

    const setPoints = (points: string) =>
      page.evaluate((points) => document.querySelector("news-brief")?.setAttribute("points", points), points);
    await setPoints("1");
    expect((await shownBrief(page)).points.map((point) => point.markup)).toEqual([baseBrief.points[0].html]);
    await setPoints("3");
    expect((await shownBrief(page)).points.map((point) => point.markup)).toEqual(
      baseBrief.points.map((point) => point.html),
    );
  });

  it("fetches again and shows the new brief when src changes", async () => {
    const first = serveJson(site.api, "/api/briefs/first", baseBrief);
    const second = serveJson(site.api, "/api/briefs/second", { ...baseBrief, title: "Deuxième brève" });
    const { page } = await openPartnerPage(site, { body: embed(first) });
    await briefEvents(page);

    await page.evaluate((src) => document.querySelector("news-brief")?.setAttribute("src", src), second);
    const events = await briefEvents(page, 2);
    expect(events.map((event) => event.title)).toEqual([baseBrief.title, "Deuxième brève"]);
    expect((await shownBrief(page)).title).toBe("Deuxième brève");
  });

  it("takes src and layout set as properties before the script defined the element", async () => {
    const src = serveJson(site.api, "/api/briefs/early", baseBrief);
    site.partner.route("/early.js", (_request, response) => {
      response.writeHead(200, { "content-type": "text/javascript" }).end(
        `const early = document.createElement("news-brief");
early.src = ${JSON.stringify(src)};
early.layout = "compact";
document.body.append(early);`,
      );
    });
    const { page, problems } = await openPartnerPage(site, { body: `<script src="/early.js"></script>` });

    expect((await briefEvents(page)).map((event) => event.type)).toEqual(["brief-load"]);
    expect(await page.evaluate(() => document.querySelector("news-brief")?.getAttribute("layout"))).toBe(
      "compact",
    );
    expect((await shownBrief(page)).title).toBe(baseBrief.title);
    expect(unexpectedProblems(problems)).toEqual([]);
  });

  it("uses the default timeout when the timeout attribute is not a number", async () => {
    const src = serveApi(site.api, "/api/briefs/slow", (_request, response) => {
      setTimeout(() => {
        response.writeHead(200, { "access-control-allow-origin": "*" }).end(JSON.stringify(baseBrief));
      }, 200);
    });
    const { page, problems } = await openPartnerPage(site, { body: embed(src, 'timeout="soon"') });

    expect((await briefEvents(page)).map((event) => event.type)).toEqual(["brief-load"]);
    expect(unexpectedProblems(problems)).toEqual([]);
  });
});

describe("events", () => {
  it("fires brief-load as a bubbling, composed Event subclass that reaches the document from a shadow root", async () => {
    const src = serveJson(site.api, "/api/briefs/nested", baseBrief);
    site.partner.route("/nest.js", (_request, response) => {
      response.writeHead(200, { "content-type": "text/javascript" }).end(
        `const host = document.getElementById("host");
host.attachShadow({ mode: "open" }).innerHTML = '<news-brief src="${src}"></news-brief>';`,
      );
    });
    const { page } = await openPartnerPage(site, {
      body: `<div id="host"></div><script src="/nest.js"></script>`,
    });

    expect(await briefEvents(page)).toEqual([
      {
        type: "brief-load",
        reason: null,
        title: baseBrief.title,
        bubbles: true,
        composed: true,
        subclass: true,
      },
    ]);
  });
});

describe("interface language", () => {
  const cases = [
    { where: "the element's own lang is fr", pageLang: "en", body: (src: string) => embed(src, 'lang="fr"') },
    {
      where: "an ancestor's lang is fr-CA",
      pageLang: "en",
      body: (src: string) => `<div lang="fr-CA">${embed(src)}</div>`,
    },
    { where: "the page's lang is fr", pageLang: "fr", body: (src: string) => embed(src) },
  ];

  for (const { where, pageLang, body } of cases) {
    it(`uses French words when ${where}`, async () => {
      const src = serveJson(site.api, "/api/briefs/language", baseBrief);
      const { page } = await openPartnerPage(site, { lang: pageLang, body: body(src) });
      await briefEvents(page);

      expect((await shownBrief(page)).link).toMatchObject({ text: "Lire l'article sur Clubic", lang: "fr" });
    });
  }

  it("uses English words when the closest lang is frr, a language that only starts like French", async () => {
    const src = serveJson(site.api, "/api/briefs/frisian", baseBrief);
    const { page } = await openPartnerPage(site, { lang: "fr", body: embed(src, 'lang="frr"') });
    await briefEvents(page);

    expect((await shownBrief(page)).link).toMatchObject({
      text: "Read the full story on Clubic",
      lang: "en",
    });
  });

  it("labels the loading progressbar in French on a French page", async () => {
    const src = serveApi(site.api, "/api/briefs/never", () => {});
    const { page } = await openPartnerPage(site, { lang: "fr", body: embed(src) });

    await page.getByRole("progressbar", { name: "Chargement…" }).waitFor({ state: "attached" });
  });
});

describe("theming", () => {
  it("lets the page style its parts and set its custom properties from a stylesheet", async () => {
    site.partner.route("/theme.css", (_request, response) => {
      response.writeHead(200, { "content-type": "text/css" }).end(
        `news-brief { --news-brief-border: rgb(255, 0, 0); --news-brief-accent: rgb(0, 0, 255); }
news-brief::part(title) { color: rgb(0, 128, 0); }`,
      );
    });
    const src = serveJson(site.api, "/api/briefs/themed", baseBrief);
    const { page, problems } = await openPartnerPage(site, {
      head: `<link rel="stylesheet" href="/theme.css">`,
      body: embed(src),
    });
    await briefEvents(page);

    const colours = await page.evaluate(() => {
      const root = document.querySelector("news-brief")?.shadowRoot;
      const colour = (css: string, property: string) =>
        getComputedStyle(root?.querySelector(css) as Element).getPropertyValue(property);
      return {
        border: colour("article", "border-top-color"),
        title: colour("[part=title]", "color"),
        link: colour("[part=link]", "color"),
      };
    });
    expect(colours).toEqual({ border: "rgb(255, 0, 0)", title: "rgb(0, 128, 0)", link: "rgb(0, 0, 255)" });
    expect(unexpectedProblems(problems)).toEqual([]);
  });
});

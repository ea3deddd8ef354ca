// When <news-brief> costs the partner's readers a request: only near the viewport, and once per URL.
import type { ServerResponse } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseBrief } from "./support/briefs.js";
import {
  briefEvents,
  openPartnerPage,
  type PartnerSite,
  serveApi,
  serveCss,
  serveJson,
  startPartnerSite,
  unexpectedProblems,
} from "./support/partner-site.js";
import { shownBrief } from "./support/shown-brief.js";

const VIEWPORT = { width: 800, height: 600 };

let site: PartnerSite;
beforeAll(async () => {
  site = await startPartnerSite();
  await site.page.setViewportSize(VIEWPORT);
  serveCss(site, "/spacers.css", ".far{height:3000px}.near{height:750px}body{margin:0}");
});
afterAll(() => site?.close());

/** How many requests the API has had for `src`. */
const requestsFor = (src: string) =>
  site.api.requests.filter((request) => site.api.origin + request.url === src).length;

describe("an element below the fold", () => {
  it("makes no request until the page is scrolled to within 200px of it", async () => {
    const src = serveJson(site.api, "/api/briefs/far-below", baseBrief);
    const { page, problems } = await openPartnerPage(site, {
      head: `<link rel="stylesheet" href="/spacers.css">`,
      body: `<div class="far"></div><news-brief src="${src}"></news-brief>`,
    });
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 150)));
    expect(requestsFor(src)).toBe(0);
    expect((await shownBrief(page)).busy).toBe("true");

    // 3000px down, 600px high: the element's top is 200px below the viewport's bottom at a scroll of 2200px.
    await page.evaluate(() => window.scrollTo(0, 2150));
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 150)));
    expect(requestsFor(src)).toBe(0);

    await page.evaluate(() => window.scrollTo(0, 2250));
    expect((await briefEvents(page)).map((event) => event.type)).toEqual(["brief-load"]);
    expect(requestsFor(src)).toBe(1);
    expect(unexpectedProblems(problems)).toEqual([]);
  });

  it("loads at once when it starts within 200px below the viewport", async () => {
    const src = serveJson(site.api, "/api/briefs/just-below", baseBrief);
    const { page } = await openPartnerPage(site, {
      head: `<link rel="stylesheet" href="/spacers.css">`,
      body: `<div class="near"></div><news-brief src="${src}"></news-brief>`,
    });
    expect((await briefEvents(page)).map((event) => event.type)).toEqual(["brief-load"]);
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
  });
});

describe("several elements with the same src", () => {
  /** Serves `name` holding every request until the returned `answer` is called. */
  function heldRoute(name: string) {
    const waiting: ServerResponse[] = [];
    const src = serveApi(site.api, `/api/briefs/${name}`, (_request, response) => waiting.push(response));
    const answer = () => {
      for (const response of waiting.splice(0)) {
        response.writeHead(200, { "access-control-allow-origin": "*" }).end(JSON.stringify(baseBrief));
      }
    };
    return { src, answer, waiting };
  }

  it("share one request and all show the brief", async () => {
    const { src, answer } = heldRoute("shared");
    const { page } = await openPartnerPage(site, {
      body: `<news-brief src="${src}"></news-brief><news-brief src="${src}" layout="compact"></news-brief>`,
    });
    await page.waitForFunction(() => document.querySelectorAll("news-brief[aria-busy]").length === 2);
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 100)));
    answer();

    expect((await briefEvents(page, 2)).map((event) => event.type)).toEqual(["brief-load", "brief-load"]);
    expect(requestsFor(src)).toBe(1);
    expect((await shownBrief(page, "news-brief[layout=compact]")).title).toBe(baseBrief.title);
  });

  it("keep the shared request going when one of them leaves the page", async () => {
    const { src, answer, waiting } = heldRoute("shared-abandoned");
    const { page, problems } = await openPartnerPage(site, {
      body: `<news-brief id="leaves" src="${src}"></news-brief><news-brief id="stays" src="${src}"></news-brief>`,
    });
    await page.waitForFunction(() => document.querySelectorAll("news-brief[aria-busy]").length === 2);
    await page.evaluate(() => document.getElementById("leaves")?.remove());
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 100)));
    expect(waiting.map((response) => response.destroyed)).toEqual([false]);
    answer();

    expect((await briefEvents(page)).map((event) => event.type)).toEqual(["brief-load"]);
    expect((await shownBrief(page, "#stays")).title).toBe(baseBrief.title);
    expect(requestsFor(src)).toBe(1);
    expect(unexpectedProblems(problems)).toEqual([]);
  });

  it("make a new request for an element added after the first request has finished", async () => {
    const src = serveJson(site.api, "/api/briefs/shared-later", baseBrief);
    const { page } = await openPartnerPage(site, { body: `<news-brief src="${src}"></news-brief>` });
    await briefEvents(page);
    await page.evaluate(
      (src) => document.body.append(Object.assign(document.createElement("news-brief"), { src })),
      src,
    );

    expect((await briefEvents(page, 2)).map((event) => event.type)).toEqual(["brief-load", "brief-load"]);
    expect(requestsFor(src)).toBe(2);
  });
});

// Every way fetching a brief can fail, seen from a partner page: the fallback stays and brief-error says why.
import { describe, expect, it } from "vitest";
import { baseBrief } from "./support/briefs.js";
import { respond } from "./support/http-server.js";
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

const { title: _title, ...briefWithoutTitle } = baseBrief;

/** Each case serves one API route and names the reason brief-error must give. */
const failures = [
  {
    when: "the API answers 500",
    reason: "http",
    serve: () => serveJson(site.api, "/api/briefs/broken", { error: "boom" }, 500),
    logsFailure: true,
  },
  {
    when: "the API answers 404",
    reason: "http",
    serve: () => serveJson(site.api, "/api/briefs/missing", { error: "no such brief" }, 404),
    logsFailure: true,
  },
  {
    when: "the body is not JSON",
    reason: "invalid",
    serve: () => serveJson(site.api, "/api/briefs/malformed", '{"title": "Cut sho'),
    logsFailure: false,
  },
  {
    when: "a proxy answers an HTML error page with 200",
    reason: "invalid",
    serve: () =>
      serveApi(
        site.api,
        "/api/briefs/proxied",
        respond(200, "<!doctype html><title>Bad Gateway</title><h1>502 Bad Gateway</h1>", {
          "content-type": "text/html",
          "access-control-allow-origin": "*",
        }),
      ),
    logsFailure: false,
  },
  {
    when: "the connection drops halfway through the body",
    reason: "invalid",
    serve: () =>
      serveApi(site.api, "/api/briefs/cut", (_request, response) => {
        const body = Buffer.from(JSON.stringify(baseBrief));
        response.writeHead(200, {
          "content-type": "application/json",
          "content-length": String(body.length),
          "access-control-allow-origin": "*",
        });
        response.write(body.subarray(0, body.length / 2));
        setTimeout(() => response.socket?.destroy(), 50);
      }),
    logsFailure: true,
  },
  {
    when: "the JSON lacks the title",
    reason: "invalid",
    serve: () => serveJson(site.api, "/api/briefs/untitled", briefWithoutTitle),
    logsFailure: false,
  },
  {
    when: "the points are not a list",
    reason: "invalid",
    serve: () => serveJson(site.api, "/api/briefs/pointless", { ...baseBrief, points: "none" }),
    logsFailure: false,
  },
  {
    when: "the API does not answer within the timeout attribute",
    reason: "timeout",
    serve: () => serveApi(site.api, "/api/briefs/hanging", () => {}),
    logsFailure: false,
  },
  {
    when: "the API does not allow the partner's origin (no CORS header)",
    reason: "network",
    serve: () =>
      serveApi(
        site.api,
        "/api/briefs/no-cors",
        respond(200, JSON.stringify(baseBrief), { "content-type": "application/json" }),
      ),
    logsFailure: true,
  },
];

describe("a brief that cannot be shown", () => {
  for (const { when, reason, serve, logsFailure } of failures) {
    it(`keeps the fallback link and reports "${reason}" when ${when}`, async () => {
      const src = serve();
      const { page, problems } = await openPartnerPage(site, {
        body: `<news-brief src="${src}" timeout="300"><a id="fallback" href="${baseBrief.url}">Read the brief</a></news-brief>`,
      });

      expect(await briefEvents(page)).toEqual([
        { type: "brief-error", reason, title: null, bubbles: true, composed: true, subclass: true },
      ]);
      const shown = await shownBrief(page);
      expect(shown.busy).toBeNull();
      expect(shown.title).toBeNull();
      expect(shown.fallbackSlotted).toBe(true);
      expect(await page.locator("#fallback").isVisible()).toBe(true);
      expect(unexpectedProblems(problems, logsFailure ? src : undefined)).toEqual([]);
    });
  }

  it("sets aside only the browser's own lines about the failed request when checking the console", async () => {
    const src = serveJson(site.api, "/api/briefs/logged-500", { error: "boom" }, 500);
    const { page, problems } = await openPartnerPage(site, {
      body: `<news-brief src="${src}"></news-brief>`,
    });
    await briefEvents(page);

    expect(problems.length).toBeGreaterThan(0);
    expect(unexpectedProblems(problems)).toEqual(problems);
    expect(unexpectedProblems(problems, src)).toEqual([]);
  });
});

describe("a request that is no longer needed", () => {
  it("is aborted when the element leaves the page, and no event is fired", async () => {
    let closed: () => void = () => {};
    const requestClosed = new Promise<void>((resolve) => {
      closed = resolve;
    });
    const src = serveApi(site.api, "/api/briefs/abandoned", (request) => request.on("close", closed));
    const { page, problems } = await openPartnerPage(site, {
      body: `<news-brief src="${src}" timeout="60000"></news-brief>`,
    });
    await page.waitForFunction(
      () => document.querySelector("news-brief")?.getAttribute("aria-busy") === "true",
    );

    await page.evaluate(() => document.querySelector("news-brief")?.remove());
    await requestClosed;
    expect(await briefEvents(page, 1, 300)).toEqual([]);
    expect(unexpectedProblems(problems)).toEqual([]);
  });

  it("is restarted when the element is moved elsewhere in the page while loading", async () => {
    let calls = 0;
    const src = serveApi(site.api, "/api/briefs/moved", (_request, response) => {
      calls += 1;
      // The first request is cut by the move; only the second one is answered.
      if (calls === 2) {
        response.writeHead(200, { "access-control-allow-origin": "*" }).end(JSON.stringify(baseBrief));
      }
    });
    const { page } = await openPartnerPage(site, {
      body: `<div id="before"><news-brief src="${src}"></news-brief></div><div id="after"></div>`,
    });
    await page.waitForFunction(
      () => document.querySelector("news-brief")?.getAttribute("aria-busy") === "true",
    );

    await page.evaluate(() => {
      const element = document.querySelector("news-brief");
      if (element) document.getElementById("after")?.append(element);
    });
    expect((await briefEvents(page)).map((event) => event.type)).toEqual(["brief-load"]);
    expect(calls).toBe(2);
  });
});

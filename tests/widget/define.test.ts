// Loading the widget's script twice, as a partner page with two embeds might, defines <news-brief> once and throws nothing.
import { expect, it } from "vitest";
import { baseBrief } from "./support/briefs.js";
import { briefEvents, openPartnerPage, serveJson, usePartnerSite } from "./support/partner-site.js";

const site = usePartnerSite();

it("runs two copies of the script without an error and still shows the brief", async () => {
  const src = serveJson(site.api, "/api/briefs/twice", baseBrief);
  const { page, problems } = await openPartnerPage(site, {
    // Two URLs, so the browser evaluates two module instances, as with two versions of the script.
    widgetScripts: ["/news-brief.js", "/news-brief.js?copy=2"],
    body: `<news-brief src="${src}"></news-brief>`,
  });

  expect((await briefEvents(page)).map((event) => event.type)).toEqual(["brief-load"]);
  expect(site.partner.requests.map((request) => request.url)).toContain("/news-brief.js?copy=2");
  expect(await page.evaluate(() => customElements.get("news-brief") !== undefined)).toBe(true);
  expect(problems).toEqual([]);
});

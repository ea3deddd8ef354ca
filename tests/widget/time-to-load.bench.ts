// `npm run bench`: navigation to a shown brief, with the widget against a plain page that fetches the same
// JSON and sets innerHTML, both against one API answering after the same 100 ms. Timings are relative.
import type { Page } from "playwright-core";
import { afterAll, bench, describe } from "vitest";
import { bundleWidget } from "../../infra/bundle.js";
import { baseBrief } from "./support/briefs.js";
import { launchChromium } from "./support/browser.js";
import { respond, startServer } from "./support/http-server.js";

const LATENCY_MS = 100;
const [bundle, browser, site, api] = await Promise.all([
  bundleWidget(),
  launchChromium(),
  startServer(),
  startServer(),
]);
api.route("/brief", (_request, response) => {
  setTimeout(() => {
    response.writeHead(200, { "content-type": "application/json", "access-control-allow-origin": "*" });
    response.end(JSON.stringify(baseBrief));
  }, LATENCY_MS);
});
const HTML = { "content-type": "text/html; charset=utf-8" };
site.route("/news-brief.js", respond(200, bundle, { "content-type": "text/javascript" }));
site.route("/favicon.ico", respond(204, ""));
site.route(
  "/widget",
  respond(
    200,
    `<!doctype html><html lang="fr"><script type="module" src="/news-brief.js"></script>
<script>document.addEventListener("brief-load", () => { window.shownAt = performance.now(); });</script>
<news-brief src="${api.origin}/brief"><a href="#">Lire la brève</a></news-brief>`,
    HTML,
  ),
);
site.route(
  "/plain",
  respond(
    200,
    `<!doctype html><html lang="fr"><div id="brief"><a href="#">Lire la brève</a></div>
<script type="module">
const brief = await (await fetch("${api.origin}/brief", { credentials: "omit" })).json();
document.getElementById("brief").innerHTML = "<article><h2>" + brief.title + "</h2><p>" + brief.lead + "</p><ul>" +
  brief.points.map((p) => "<li><strong>" + p.heading + "</strong> " + p.text + "</li>").join("") + "</ul></article>";
window.shownAt = performance.now();
</script>`,
    HTML,
  ),
);
const page: Page = await browser.newPage();

async function navigateUntilShown(path: string): Promise<void> {
  await page.goto(site.origin + path);
  await page.waitForFunction(() => "shownAt" in window);
}

afterAll(async () => {
  await browser.close();
  await Promise.all([site.close(), api.close()]);
});

describe(`navigation until the brief is shown, API answering in ${LATENCY_MS} ms`, () => {
  bench("plain page: fetch + innerHTML", () => navigateUntilShown("/plain"), { iterations: 20, time: 0 });
  bench("<news-brief> widget", () => navigateUntilShown("/widget"), { iterations: 20, time: 0 });
});

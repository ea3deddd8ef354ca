// The widget: navigation to a shown brief, with <news-brief> against a plain page that fetches the same JSON and
// sets innerHTML, both against one API answering after the same 100 ms, in Chromium; and the widget's bytes.
import { bundleWidget } from "../../infra/bundle.js";
import { WIDGET_GZIP_BUDGET, widgetSizes } from "../../infra/size.js";
import { baseBrief } from "../widget/support/briefs.js";
import { launchChromium } from "../widget/support/browser.js";
import { respond, startServer } from "../widget/support/http-server.js";
import type { Benchmark, BenchRow } from "./benchmark.js";

const LATENCY_MS = 100;
const HTML = { "content-type": "text/html; charset=utf-8" };

/** The two pages, on one site, reading one API. */
async function startSites() {
  const [bundle, site, api] = await Promise.all([bundleWidget(), startServer(), startServer()]);
  api.route("/brief", (_request, response) => {
    setTimeout(() => {
      response.writeHead(200, { "content-type": "application/json", "access-control-allow-origin": "*" });
      response.end(JSON.stringify(baseBrief));
    }, LATENCY_MS);
  });
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
  return { site, close: () => Promise.all([site.close(), api.close()]) };
}

/** Mean milliseconds from navigation to a shown brief, for the plain page and the widget, alternating. */
async function timeToShown(
  iterations: number,
  warmUp: number,
): Promise<{ plain: number[]; widget: number[] }> {
  const [browser, sites] = await Promise.all([launchChromium(), startSites()]);
  try {
    const page = await browser.newPage();
    const shown = async (path: string) => {
      const start = performance.now();
      await page.goto(sites.site.origin + path);
      await page.waitForFunction(() => "shownAt" in window);
      return performance.now() - start;
    };
    // A few of each first, unmeasured: Chromium's first navigations pay its own start-up.
    for (let i = 0; i < warmUp; i++) {
      await shown("/plain");
      await shown("/widget");
    }
    const plain: number[] = [];
    const widget: number[] = [];
    for (let i = 0; i < iterations; i++) {
      if (i % 2 === 0) plain.push(await shown("/plain"));
      widget.push(await shown("/widget"));
      if (i % 2 === 1) plain.push(await shown("/plain"));
    }
    return { plain, widget };
  } finally {
    await browser.close();
    await sites.close();
  }
}

const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const ms = (value: number) => `${value.toFixed(1)} ms`;

export const widget: Benchmark = {
  name: "widget",
  async run({ smoke }) {
    const { plain, widget: shown } = await timeToShown(smoke ? 1 : 30, smoke ? 0 : 2);
    const sizes = await widgetSizes();
    const group = "The widget";
    const bytes = (name: string, value: number, note?: string): BenchRow => ({
      group,
      name: `bundle ${name}`,
      value,
      unit: "bytes",
      ...(note ? { note } : {}),
    });
    return [
      {
        group,
        name: "navigation to a shown brief",
        value: mean(shown) / mean(plain),
        unit: "ratio",
        baseline: "plain page: fetch + innerHTML, same API",
        goal: { max: 1.15 },
        note: `means ${ms(mean(shown))} against ${ms(mean(plain))} (medians ${ms(median(shown))}, ${ms(median(plain))}), ${shown.length} each, API answering in ${LATENCY_MS} ms, Chromium headless`,
      },
      bytes("raw", sizes.raw),
      bytes("gzip -9", sizes.gzip, `budget ${WIDGET_GZIP_BUDGET} B (infra/size.ts)`),
      bytes("Brotli q11", sizes.brotli),
    ];
  },
};

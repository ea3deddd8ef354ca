// `npm run bench:vitest`: what a feed request costs when rendered each time, against serving the document rendered once.
// Timings are relative: tinybench reports each case against the fastest in the same run.
import { bench, describe } from "vitest";
import { FeedDocuments } from "../../../functions/feeds/feed-documents.js";
import { renderFeed } from "../../../functions/feeds/render-feed.js";
import { Links } from "../../../functions/links.js";
import { generatedCatalog } from "../../fixtures/catalog.js";
import { testApp } from "../../support/test-app.js";
import { snapshotOf } from "../../support/test-content.js";

const catalog = generatedCatalog(200);
const links = new Links(catalog.site.baseUrl);
const source = {
  site: catalog.site,
  links,
  archives: 10,
  briefs: catalog.briefs.slice(0, catalog.site.feedSize),
};
const app = testApp(catalog);
const url = "https://briefs.example.com/feed.xml";
const etag = (await app.request(url)).headers.get("etag") ?? "";

describe("RSS feed of 20 briefs", () => {
  bench("render per request (feed package + post-processing)", () => {
    renderFeed("rss", source);
  });
  bench("render and Brotli-compress per request (a fresh version each time)", async () => {
    (await new FeedDocuments(await snapshotOf(catalog), links).get({ format: "rss" }))?.encoded("br");
  });
  bench("serve the rendered document through the app, Brotli", async () => {
    await (await app.request(url, { headers: { "Accept-Encoding": "br" } })).arrayBuffer();
  });
  bench("serve the rendered document through the app, identity", async () => {
    await (await app.request(url)).arrayBuffer();
  });
  bench("answer 304 to a reader that has it", async () => {
    await app.request(url, { headers: { "If-None-Match": etag } });
  });
});

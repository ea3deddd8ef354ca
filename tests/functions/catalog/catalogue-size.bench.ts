// `npm run bench`: a warm request's cost at 100 briefs against a large catalogue (10,000 by default;
// NEWS_BRIEF_BENCH_BRIEFS=100000 for the full scale). Read the ratios between the two groups of one run.
import { bench, describe } from "vitest";
import { generatedCatalog } from "../../fixtures/catalog.js";
import { testApp } from "../../support/test-app.js";

const LARGE = Number(process.env.NEWS_BRIEF_BENCH_BRIEFS ?? 10_000);

for (const count of [100, LARGE]) {
  const catalog = generatedCatalog(count);
  const app = testApp(catalog);
  const base = catalog.site.baseUrl;
  // The 50 oldest briefs: the deepest cursor and brief pages there are.
  const oldest = catalog.briefs.slice(-50).map((brief) => brief.id);
  let turn = 0;
  const next = () => oldest[turn++ % oldest.length] ?? "";
  const urls = {
    "/feed.xml": () => `${base}/feed.xml`,
    "a tag feed": () => `${base}/tags/cloud/atom.xml`,
    "the oldest archive page": () => `${base}/archive/1/feed.json`,
    "/api/briefs with a deep cursor": () => `${base}/api/briefs?limit=10&cursor=${next()}`,
    "/briefs/{id} of an old brief": () => `${base}/briefs/${next()}`,
  };
  describe(`${count} briefs`, () => {
    for (const [name, url] of Object.entries(urls)) {
      bench(name, async () => {
        await (await app.request(url())).arrayBuffer();
      });
    }
  });
}

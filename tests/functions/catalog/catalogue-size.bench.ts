// `npm run bench`: a warm request's cost at 100 briefs against a large catalogue (10,000 by default;
// NEWS_BRIEF_BENCH_BRIEFS=100000 for the full scale). Read the ratios between the two groups of one run.
import { bench, describe } from "vitest";
import { generatedCatalog } from "../../fixtures/catalog.js";
import { testApp } from "../../support/test-app.js";

const LARGE = Number(process.env.NEWS_BRIEF_BENCH_BRIEFS ?? 10_000);
const WARM_UP_ROUNDS = 300;

function subject(count: number) {
  const catalog = generatedCatalog(count);
  const app = testApp(catalog);
  const base = catalog.site.baseUrl;
  // The 50 oldest briefs: the deepest cursor and brief pages there are.
  const oldest = catalog.briefs.slice(-50).map((brief) => brief.id);
  let turn = 0;
  const next = () => oldest[turn++ % oldest.length] ?? "";
  const urls: Record<string, () => string> = {
    "/feed.xml": () => `${base}/feed.xml`,
    "a tag feed": () => `${base}/tags/cloud/atom.xml`,
    "the oldest archive page": () => `${base}/archive/1/feed.json`,
    "/api/briefs with a deep cursor": () => `${base}/api/briefs?limit=10&cursor=${next()}`,
    "/briefs/{id} of an old brief": () => `${base}/briefs/${next()}`,
  };
  const hit = async (url: string) => {
    await (await app.request(url)).arrayBuffer();
  };
  return { count, urls, hit };
}

const subjects = [subject(100), subject(LARGE)];
// Both apps are warmed, interleaved, before either is measured: otherwise the group measured first
// pays the JIT's warm-up and the ratio says more about the order than about the catalogue.
for (let round = 0; round < WARM_UP_ROUNDS; round++) {
  for (const { urls, hit } of subjects) {
    for (const url of Object.values(urls)) await hit(url());
  }
}

for (const { count, urls, hit } of subjects) {
  describe(`${count} briefs`, () => {
    for (const [name, url] of Object.entries(urls)) {
      bench(name, () => hit(url()));
    }
  });
}

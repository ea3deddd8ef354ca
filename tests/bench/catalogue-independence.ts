// Catalogue independence: what a warm request costs at 10,000 and 100,000 briefs against the same request at 100,
// for the requests that reach deepest into the catalogue, all through the app in this process.
import { generatedCatalog } from "../fixtures/catalog.js";
import { testApp } from "../support/test-app.js";
import type { Benchmark, BenchRow } from "./benchmark.js";

/** One catalogue's app, and each request's URL (the brief ones rotate through the 50 oldest briefs). */
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
    const response = await app.request(url);
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${url} answered ${response.status} at ${count} briefs`);
  };
  return { count, urls, hit };
}

type Subject = ReturnType<typeof subject>;

/** Milliseconds for `times` requests to `name`'s URL. */
async function batch({ urls, hit }: Subject, name: string, times: number): Promise<number> {
  const url = urls[name] as () => string;
  const start = performance.now();
  for (let i = 0; i < times; i++) await hit(url());
  return performance.now() - start;
}

export const catalogueIndependence: Benchmark = {
  name: "catalogue-independence",
  async run({ smoke }) {
    const sizes = smoke ? [50, 100] : [100, 10_000, 100_000];
    const [warmUp, rounds, perBatch] = smoke ? [5, 2, 5] : [300, 40, 25];
    const subjects = sizes.map(subject);
    const names = Object.keys(subjects[0]?.urls ?? {});
    // Every app is warmed, interleaved, before any is measured, and the rounds then alternate the sizes' order:
    // otherwise the size measured first pays the JIT's warm-up and the ratio says more about order than size.
    for (let round = 0; round < warmUp; round++) {
      for (const one of subjects) for (const name of names) await batch(one, name, 1);
    }
    const total = subjects.map(() => new Map<string, number>());
    for (let round = 0; round < rounds; round++) {
      const order = round % 2 === 0 ? subjects : [...subjects].reverse();
      for (const one of order) {
        const spent = total[subjects.indexOf(one)] as Map<string, number>;
        for (const name of names)
          spent.set(name, (spent.get(name) ?? 0) + (await batch(one, name, perBatch)));
      }
    }
    const requests = rounds * perBatch;
    const [base, ...larger] = sizes;
    const rows: BenchRow[] = [];
    for (const name of names) {
      const baseMean = (total[0]?.get(name) ?? 0) / requests;
      larger.forEach((count, index) => {
        const mean = (total[index + 1]?.get(name) ?? 0) / requests;
        rows.push({
          group: "Catalogue independence",
          name: `${name} at ${count.toLocaleString("en")} briefs`,
          value: mean / baseMean,
          unit: "ratio",
          baseline: `the same request at ${base} briefs`,
          goal: { max: 1.1 },
          note: `${fmtUs(mean)} against ${fmtUs(baseMean)} per request, mean of ${requests}`,
        });
      });
    }
    return rows;
  },
};

function fmtUs(ms: number): string {
  return `${Math.round(ms * 1000)} µs`;
}

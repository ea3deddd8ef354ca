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
    const [warmUp, rounds, perBatch] = smoke ? [5, 2, 5] : [300, 100, 10];
    const subjects = sizes.map(subject);
    const names = Object.keys(subjects[0]?.urls ?? {});
    // Every app is warmed, interleaved, before any is measured: otherwise the size measured first pays the JIT's
    // warm-up and the ratio says more about the order than about the catalogue.
    for (let round = 0; round < warmUp; round++) {
      for (const one of subjects) for (const name of names) await batch(one, name, 1);
    }
    // Each URL's batches alternate between the sizes, in a rotating order, so that the machine's load (other
    // processes share its CPUs) falls alike on the figures a ratio compares.
    const batches = subjects.map(() => new Map<string, number[]>());
    for (let round = 0; round < rounds; round++) {
      for (const name of names) {
        for (let turn = 0; turn < subjects.length; turn++) {
          const index = (round + turn) % subjects.length;
          const spent = batches[index] as Map<string, number[]>;
          spent.set(name, [
            ...(spent.get(name) ?? []),
            await batch(subjects[index] as Subject, name, perBatch),
          ]);
        }
      }
    }
    const requests = rounds * perBatch;
    const [base, ...larger] = sizes;
    const rows: BenchRow[] = [];
    for (const name of names) {
      const baseTimes = batches[0]?.get(name) ?? [];
      larger.forEach((count, index) => {
        const times = batches[index + 1]?.get(name) ?? [];
        const [mean, baseMean] = [sum(times) / requests, sum(baseTimes) / requests];
        rows.push({
          group: "Catalogue independence",
          name: `${name} at ${count.toLocaleString("en")} briefs`,
          value: mean / baseMean,
          unit: "ratio",
          baseline: `the same request at ${base} briefs`,
          goal: { max: 1.1 },
          // The median batch shrugs off the batches another process preempted, which the mean keeps.
          note: `means ${fmtUs(mean)} against ${fmtUs(baseMean)}, ${requests} requests each; ratio of median batches ${(median(times) / median(baseTimes)).toFixed(2)}`,
        });
      });
    }
    return rows;
  },
};

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

function fmtUs(ms: number): string {
  return `${Math.round(ms * 1000)} µs`;
}

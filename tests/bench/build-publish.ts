// Build and publish: time and peak memory of `npm run build` and of `npm run publish-content` to a folder,
// on generated catalogues, each in a process of its own. 100,000 briefs only with --full (about 7 minutes).
import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import type { Benchmark, BenchRow } from "./benchmark.js";
import { generatedContent } from "./generated-content.js";

const run = promisify(execFile);
const CHILD = "tests/bench/build-publish-child.ts";
const GROUP = "Build and publish";

interface Measure {
  ms: number;
  maxRssMB: number;
}

async function measure(task: "build" | "publish", content: string, out: string, cacheDir: string) {
  const { stdout } = await run(process.execPath, ["--import", "tsx", CHILD, task, content, out, cacheDir], {
    maxBuffer: 1 << 20,
  });
  return JSON.parse(stdout.trim().split("\n").at(-1) ?? "") as Measure;
}

function rows(name: string, measured: Measure, note: string): BenchRow[] {
  return [
    { group: GROUP, name: `${name}: time`, value: Math.round(measured.ms), unit: "ms", note },
    { group: GROUP, name: `${name}: peak RSS`, value: Math.round(measured.maxRssMB), unit: "MB", note },
  ];
}

/** At each size: a build with an empty parse cache, the same build again with it warm, a publish with none. */
async function atSize(count: number, smoke: boolean): Promise<BenchRow[]> {
  const content = await generatedContent(count);
  const work = await mkdtemp(join(tmpdir(), `news-brief-bench-${count}-`));
  try {
    const label = count.toLocaleString("en");
    const cold = await measure("build", content, join(work, "dist"), join(work, "parsed"));
    const publish = await measure("publish", content, join(work, "store"), join(work, "parsed-publish"));
    const coldRows = rows(
      `build ${label} briefs, no parse cache`,
      cold,
      "npm run build, into an empty folder",
    );
    const publishRows = rows(
      `publish ${label} briefs to a folder, no cache`,
      publish,
      "into an empty folder",
    );
    // The smoke run skips the second build: the same code as the first, and 3 s of `npm test`.
    if (smoke) return [...coldRows, ...publishRows];
    const warm = await measure("build", content, join(work, "dist"), join(work, "parsed"));
    return [
      ...coldRows,
      ...rows(`build ${label} briefs, parse cache warm`, warm, "the same build again"),
      ...publishRows,
    ];
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

export const buildPublish: Benchmark = {
  name: "build-publish",
  async run({ smoke, full }) {
    const sizes = smoke ? [10] : full ? [1_000, 10_000, 100_000] : [1_000, 10_000];
    const result: BenchRow[] = [];
    for (const count of sizes) result.push(...(await atSize(count, smoke)));
    if (!smoke && !full) {
      result.push({
        group: GROUP,
        name: "100,000 briefs",
        value: Number.NaN,
        unit: "ms",
        note: "not run: it takes about 7 minutes alone (npm run bench -- --full)",
      });
    }
    return result;
  },
};

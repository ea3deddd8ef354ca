// `npm run bench`: runs every benchmark in turn, prints one table and writes it to tests/bench/RESULTS.md.
// Options: --smoke (a short run that only proves each works), --only <name> (one benchmark), --full (100,000-brief
// builds as well, past the 10-minute budget).
import { writeFile } from "node:fs/promises";
import { availableParallelism, loadavg } from "node:os";
import { parseArgs } from "node:util";
import type { BenchRow } from "./benchmark.js";
import { BENCHMARKS } from "./benchmarks.js";
import { markdownTable, resultsPage } from "./results-table.js";

const RESULTS = "tests/bench/RESULTS.md";

const { values } = parseArgs({
  options: { smoke: { type: "boolean" }, full: { type: "boolean" }, only: { type: "string" } },
});
const chosen = values.only ? BENCHMARKS.filter((benchmark) => benchmark.name === values.only) : BENCHMARKS;
if (chosen.length === 0) {
  console.error(`no benchmark named ${values.only}; there are: ${BENCHMARKS.map((b) => b.name).join(", ")}`);
  process.exit(2);
}

const date = new Date();
const loadAverage = loadavg();
const start = performance.now();
const rows: BenchRow[] = [];
const failures: string[] = [];
const durations: string[] = [];
for (const benchmark of chosen) {
  const began = performance.now();
  process.stderr.write(`${benchmark.name}…`);
  try {
    rows.push(...(await benchmark.run({ smoke: values.smoke ?? false, full: values.full ?? false })));
    const seconds = ((performance.now() - began) / 1000).toFixed(1);
    durations.push(`${benchmark.name} ${seconds} s`);
    process.stderr.write(` ${seconds} s\n`);
  } catch (error) {
    failures.push(`${benchmark.name}: ${(error as Error).message}`);
    process.stderr.write(` failed: ${(error as Error).stack}\n`);
  }
}
const totalMs = performance.now() - start;

console.log(markdownTable(rows));
console.log(`\n${chosen.length} benchmarks in ${(totalMs / 1000).toFixed(1)} s (${durations.join(", ")})`);
// Only a whole, real run replaces the committed results; a smoke or single-benchmark run just prints.
if (!values.smoke && !values.only) {
  const options = values.full ? "--full" : "";
  const context = {
    date,
    node: process.versions.node,
    cpus: availableParallelism(),
    loadAverage,
    durations,
    options,
    totalMs,
    failures,
  };
  await writeFile(RESULTS, resultsPage(rows, context));
  console.log(`written to ${RESULTS}`);
}
if (failures.length > 0) process.exitCode = 1;

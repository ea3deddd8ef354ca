// Every benchmark of `npm run bench`, in its short run: each gives rows the table can print, and the byte
// budgets hold. Its timings mean nothing and are never asserted.
import { describe, expect, test } from "vitest";
import { WIDGET_GZIP_BUDGET } from "../../infra/size.js";
import type { BenchRow } from "./benchmark.js";
import { BENCHMARKS } from "./benchmarks.js";
import { markdownTable } from "./results-table.js";

const UNITS = ["ratio", "bytes", "ms", "MB", "req/s"];
const ran = new Map<string, BenchRow[]>();

async function rowsOf(name: string): Promise<BenchRow[]> {
  const cached = ran.get(name);
  if (cached) return cached;
  const benchmark = BENCHMARKS.find((one) => one.name === name);
  if (!benchmark) throw new Error(`no benchmark ${name}`);
  const rows = await benchmark.run({ smoke: true });
  ran.set(name, rows);
  return rows;
}

const byName = (rows: BenchRow[], name: string) => rows.find((row) => row.name === name)?.value;

describe("npm run bench, smoke run", () => {
  test("names each benchmark once", () => {
    const names = BENCHMARKS.map((benchmark) => benchmark.name);
    expect(new Set(names).size).toBe(names.length);
  });

  for (const benchmark of BENCHMARKS) {
    test(`${benchmark.name} gives rows with a finite positive value, a unit and a group`, {
      timeout: 120_000,
    }, async () => {
      const rows = await rowsOf(benchmark.name);
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) {
        expect(row.group, row.name).toMatch(/\S/);
        expect(row.name).toMatch(/\S/);
        expect(UNITS, row.name).toContain(row.unit);
        expect(Number.isFinite(row.value) && row.value > 0, `${row.name}: ${row.value}`).toBe(true);
        if (row.goal) expect(row.unit, `${row.name} has a goal`).toBe("ratio");
        if (row.unit === "ratio") expect(row.baseline, `${row.name}'s baseline`).toMatch(/\S/);
      }
      expect(markdownTable(rows).split("\n")).toHaveLength(rows.length + 2);
    });
  }

  test("the widget stays within its gzip budget, and Brotli below gzip below raw", {
    timeout: 120_000,
  }, async () => {
    const rows = await rowsOf("widget");
    const [raw, gzip, brotli] = ["bundle raw", "bundle gzip -9", "bundle Brotli q11"].map((name) =>
      byName(rows, name),
    );
    expect(gzip).toBeLessThanOrEqual(WIDGET_GZIP_BUDGET);
    expect(brotli).toBeLessThan(gzip ?? 0);
    expect(gzip).toBeLessThan(raw ?? 0);
  });

  test("every feed and the API are served compressed, and a 304 carries headers only", {
    timeout: 60_000,
  }, async () => {
    const rows = await rowsOf("wire-bytes");
    for (const path of ["/feed.xml", "/atom.xml", "/feed.json", "/api/briefs"]) {
      const [raw, gzip, brotli, notModified] = ["raw", "gzip", "Brotli", "304"].map(
        (coding) => byName(rows, `${path} ${coding}`) ?? Number.NaN,
      );
      expect(brotli, path).toBeLessThan(gzip as number);
      expect(gzip, path).toBeLessThan((raw as number) / 4);
      // A 304 is its status line and headers: well under a kilobyte, whatever the feed weighs.
      expect(notModified, path).toBeLessThan(1024);
    }
  });

  test("build and publish report both time and peak memory", { timeout: 120_000 }, async () => {
    const rows = await rowsOf("build-publish");
    expect(rows.filter((row) => row.unit === "ms")).toHaveLength(
      rows.filter((row) => row.unit === "MB").length,
    );
  });
});

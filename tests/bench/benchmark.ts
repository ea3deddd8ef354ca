// What every benchmark of `npm run bench` gives the runner: rows of one table, each against its own baseline.

/** One measured figure. A ratio is always against a baseline measured in the same run. */
export interface BenchRow {
  /** The table's section, e.g. "Warm serving (Node.js)". */
  group: string;
  /** What was measured, e.g. "/feed.xml". */
  name: string;
  value: number;
  unit: "ratio" | "bytes" | "ms" | "MB" | "req/s";
  /** What the value is measured against, e.g. "bare node:http, same bytes" (ratios only). */
  baseline?: string;
  /** The goal: a ratio of at most `max`, or at least `min`. */
  goal?: { max?: number; min?: number };
  /** Anything a reader needs: the raw figures behind a ratio, the spread, the machine's state. */
  note?: string;
}

/** What a benchmark is run with. */
export interface BenchOptions {
  /** A short run that only proves the benchmark works (used by `npm test`); its figures mean nothing. */
  smoke: boolean;
  /** Also the measurements too long for the 10-minute suite (`npm run bench -- --full`). Default false. */
  full?: boolean;
}

/** One benchmark module's export. */
export interface Benchmark {
  name: string;
  run(options: BenchOptions): Promise<BenchRow[]>;
}

/** Whether a row meets its goal; undefined when it has none. */
export function meetsGoal(row: BenchRow): boolean | undefined {
  if (!row.goal) return undefined;
  const { min, max } = row.goal;
  return (min === undefined || row.value >= min) && (max === undefined || row.value <= max);
}

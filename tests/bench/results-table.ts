// The one table of `npm run bench`: its rows as Markdown, and the page tests/bench/RESULTS.md holds it in.
import { type BenchRow, meetsGoal } from "./benchmark.js";

const HEAD = ["group", "name", "value", "unit", "baseline", "goal", "result", "note"];

/** A row's value as the table prints it: ratios to 2 decimals, others as whole numbers; "not run" when none. */
export function formatValue(row: BenchRow): string {
  if (!Number.isFinite(row.value)) return "not run";
  return row.unit === "ratio" ? row.value.toFixed(2) : Math.round(row.value).toLocaleString("en");
}

function formatGoal(row: BenchRow): string {
  const { min, max } = row.goal ?? {};
  return [min === undefined ? "" : `≥ ${min}`, max === undefined ? "" : `≤ ${max}`]
    .filter(Boolean)
    .join(", ");
}

function result(row: BenchRow): string {
  if (!Number.isFinite(row.value)) return "—";
  const met = meetsGoal(row);
  return met === undefined ? "—" : met ? "met" : "missed";
}

const cell = (text: string) => text.replaceAll("|", "\\|").replaceAll("\n", " ");

/** The rows as one Markdown table, in the order given. */
export function markdownTable(rows: readonly BenchRow[]): string {
  const lines = rows.map((row) =>
    [
      row.group,
      row.name,
      formatValue(row),
      row.unit,
      row.baseline ?? "",
      formatGoal(row),
      result(row),
      row.note ?? "",
    ].map(cell),
  );
  return [HEAD, HEAD.map(() => "---"), ...lines].map((line) => `| ${line.join(" | ")} |`).join("\n");
}

/** What the machine was doing when the run started. */
export interface RunContext {
  date: Date;
  node: string;
  cpus: number;
  loadAverage: readonly number[];
  /** The command line's options, e.g. "--full". */
  options: string;
  totalMs: number;
  /** Each benchmark's own time, e.g. "widget 30.3 s". */
  durations: readonly string[];
  /** Benchmarks that failed, with their message. */
  failures: readonly string[];
}

/** tests/bench/RESULTS.md: the run's circumstances, then the table. */
export function resultsPage(rows: readonly BenchRow[], context: RunContext): string {
  const load = context.loadAverage.map((value) => value.toFixed(2)).join(", ");
  const failures = context.failures.map((failure) => `- **Failed:** ${failure}\n`).join("");
  return `# Benchmark results

\`npm run bench${context.options ? ` -- ${context.options}` : ""}\`, ${context.date.toISOString().slice(0, 16).replace("T", " ")} UTC: Node.js ${context.node}, ${context.cpus} CPUs, load average at start ${load} (1, 5, 15 min). The whole run took ${(context.totalMs / 1000).toFixed(0)} s (${context.durations.join(", ")}), after \`npm run build\`.

Each ratio comes from one run on a shared machine, against its baseline measured in the same run: read them as ±10%, not to the second decimal.

${failures}${markdownTable(rows)}
`;
}

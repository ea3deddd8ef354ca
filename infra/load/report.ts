// The load runs as a table a person reads, and why a run failed.
import { type LoadResult, MAX_MEMORY_GROWTH } from "./run-load.js";

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const ms = (value: number) => `${value.toFixed(value < 10 ? 1 : 0)} ms`;
const percent = (ratio: number) => `${ratio >= 0 ? "+" : ""}${(ratio * 100).toFixed(1)}%`;

/** One row per run: warm-up, requests, rate, latency, errors and memory, aligned in columns. */
export function loadTable(results: LoadResult[]): string {
  const head = [
    "store",
    "warm-up",
    "requests",
    "req/s",
    "p50",
    "p99",
    "errors",
    "RSS start",
    "RSS end",
    "growth",
    "result",
  ];
  const rows = results.map((result) => [
    result.store,
    `${result.warmup} s`,
    result.requests.toLocaleString("en"),
    Math.round(result.rps).toLocaleString("en"),
    ms(result.latencyMs.p50),
    ms(result.latencyMs.p99),
    String(result.errors.total),
    mb(result.rss.start),
    mb(result.rss.end),
    percent(result.rss.growth),
    result.ok ? "ok" : "FAILED",
  ]);
  const widths = head.map((title, i) => Math.max(title.length, ...rows.map((row) => (row[i] ?? "").length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
      .join("  ");
  return [line(head), line(widths.map((width) => "-".repeat(width))), ...rows.map(line)].join("\n");
}

/** Why `result` failed, one reason a line; empty when it passed. */
export function failures(result: LoadResult): string[] {
  const reasons: string[] = [];
  const { errors, rss } = result;
  if (errors.status > 0) {
    const statuses = Object.entries(result.statuses).filter(([status]) => !/^[23]/.test(status));
    reasons.push(
      `${errors.status} answers outside 2xx and 3xx (${statuses.map(([s, n]) => `${s}: ${n}`).join(", ")})`,
    );
  }
  if (errors.socket > 0) reasons.push(`${errors.socket} connection errors`);
  if (errors.timeouts > 0) reasons.push(`${errors.timeouts} requests timed out`);
  if (rss.growth > MAX_MEMORY_GROWTH) {
    reasons.push(
      `resident memory grew ${percent(rss.growth)} (${mb(rss.start)} to ${mb(rss.end)}), past +${MAX_MEMORY_GROWTH * 100}%`,
    );
  }
  const logged = result.serverLog.filter((line) => !line.startsWith("{") || /"level":"error"/.test(line));
  if (logged.length > 0)
    reasons.push(`the server logged ${logged.length} errors, first: ${logged[0]?.slice(0, 300)}`);
  return reasons.map((reason) => `${result.store}: ${reason}`);
}

// One load run: the server started as a child process, warmed up with the mix, then loaded for the run's
// duration while its resident memory is read; what it answered, how fast, and how its memory moved.
import { type AutocannonResult, autocannon, type LoadClient, type LoadRequest } from "./autocannon.js";
import { type ServerProcess, startServerProcess } from "./server-process.js";
import { loadRequests, type MixEntry, trafficMix } from "./traffic-mix.js";

/** The most resident memory may grow from the start of a run to its end: 10%. */
export const MAX_MEMORY_GROWTH = 0.1;

/**
 * After its first requests, the warm-up goes on in slices of WARMUP_SLICE seconds until resident memory has grown
 * less than SETTLED over the last SETTLE_WINDOW seconds, for at most MAX_WARMUP seconds. Measured here (1,001
 * briefs, 50 connections, 3,000 to 4,000 requests a second): the server's RSS climbs for its first 50,000 to
 * 70,000 requests, while V8 promotes garbage until its first full collection and grows the young generation
 * from 8 to 16 to 32 MB, then stays within 1 MB for minutes. Measured before that, a run reports a step of about
 * 15 MB (+15%) that is the heap reaching its working size, not a leak. The step comes after a number of
 * requests, not of seconds, so the warm-up counts requests: on a busier machine it lasts longer.
 */
const SETTLED = 0.02;
const SETTLE_WINDOW = 10;
const WARMUP_SLICE = 5;
const MAX_WARMUP = 180;
const WARMUP_REQUESTS = 100_000;

/** Options of runLoad. */
export interface LoadOptions {
  /** Names the run in reports: `bundled` or `s3`. */
  store: string;
  /** The server bundle to run. */
  server: string;
  /** Variables that choose the server's store (none for the bundled one). */
  env?: Record<string, string>;
  /** Seconds of load measured. */
  duration: number;
  /**
   * Requests of the same load first, at least, so that caches fill and the heap reaches its working size; it goes
   * on until resident memory has settled (see SETTLED), for at most MAX_WARMUP seconds. Default 100,000.
   */
  warmupRequests?: number;
  connections: number;
  /** Seconds before an unanswered request counts as a timeout. Default 10. */
  timeout?: number;
}

/** What a run measured. */
export interface LoadResult {
  store: string;
  duration: number;
  connections: number;
  requests: number;
  /** Requests per second, averaged over the run's one-second samples. */
  rps: number;
  latencyMs: { p50: number; p99: number; max: number };
  /** How many answers had each status, over the measured run. */
  statuses: Record<string, number>;
  /** Answers outside 2xx and 3xx, socket errors and timeouts, in the warm-up and the run. */
  errors: { status: number; socket: number; timeouts: number; total: number };
  /**
   * Resident set size in bytes after the warm-up and at the end, their ratio less one, and the size read each
   * second in between (`samples`) with the most of them (`peak`).
   */
  rss: { start: number; end: number; peak: number; growth: number; samples: number[] };
  /** Seconds the warm-up lasted. */
  warmup: number;
  /** Warnings and errors the server logged during the run. */
  serverLog: string[];
  /** Whether the run passed: no error, memory grown by at most MAX_MEMORY_GROWTH, nothing logged at `error`. */
  ok: boolean;
  mix: MixEntry[];
}

/** Statuses that count as errors: anything but 2xx and 3xx. */
const failedStatuses = (result: AutocannonResult) =>
  Object.entries(result.statusCodeStats)
    .filter(([status]) => !/^[23]\d\d$/.test(status))
    .reduce((sum, [, { count }]) => sum + count, 0);

/** Runs the mix against a fresh server; `progress` hears what the run is doing. */
export async function runLoad(
  options: LoadOptions,
  progress: (line: string) => void = () => {},
): Promise<LoadResult> {
  const server = await startServerProcess(options.server, options.env);
  try {
    const mix = await trafficMix(server.url);
    const requests = await loadRequests(server.url, mix);
    const run = (length: Length) => load(server.url, requests, options.connections, length, options.timeout);
    const readings: number[] = [];
    const sampling = sampleMemory(server, readings);
    const first = options.warmupRequests ?? WARMUP_REQUESTS;
    progress(
      `${options.store}: warming up with ${first.toLocaleString("en")} requests or more, on ${server.url}`,
    );
    const warm = await warmUp(run, first, readings).finally(sampling);
    const warmup = warm.seconds;
    const start = await server.rss();
    const samples: number[] = [];
    const measuring = sampleMemory(server, samples);
    progress(
      `${options.store}: ${options.duration} s at ${options.connections} connections, after ${warmup} s`,
    );
    const measured = await run({ duration: options.duration }).finally(measuring);
    const end = await server.rss();

    const status = warm.failed + failedStatuses(measured);
    const socket = warm.errors - warm.timeouts + measured.errors - measured.timeouts;
    const timeouts = warm.timeouts + measured.timeouts;
    const errors = { status, socket, timeouts, total: status + socket + timeouts };
    const growth = (end - start) / start;
    const serverLog = [...server.lines];
    const loggedErrors = serverLog.filter((line) => !line.startsWith("{") || /"level":"error"/.test(line));
    return {
      store: options.store,
      duration: measured.duration,
      connections: options.connections,
      requests: measured.requests.total,
      rps: measured.requests.average,
      latencyMs: { p50: measured.latency.p50, p99: measured.latency.p99, max: measured.latency.max },
      statuses: Object.fromEntries(
        Object.entries(measured.statusCodeStats).map(([status, { count }]) => [status, count]),
      ),
      errors,
      rss: { start, end, peak: Math.max(start, end, ...samples), growth, samples },
      warmup,
      serverLog,
      ok: errors.total === 0 && growth <= MAX_MEMORY_GROWTH && loggedErrors.length === 0,
      mix,
    };
  } finally {
    await server.stop();
  }
}

/** Reads the server's RSS into `readings` once a second; the function returned stops it. */
function sampleMemory(server: ServerProcess, readings: number[]): () => void {
  const timer = setInterval(async () => {
    const rss = await server.rss().catch(() => undefined);
    if (rss !== undefined) readings.push(rss);
  }, 1000);
  return () => clearInterval(timer);
}

/** How long one autocannon run lasts: a number of seconds, or of requests. */
type Length = { duration: number } | { amount: number };

/**
 * Sends `amount` requests, then WARMUP_SLICE seconds more at a time until the last SETTLE_WINDOW of `readings`
 * (RSS, one a second, filled by the caller) grew less than SETTLED, or MAX_WARMUP seconds have passed.
 */
async function warmUp(
  run: (length: Length) => Promise<AutocannonResult>,
  amount: number,
  readings: number[],
): Promise<{ seconds: number; failed: number; errors: number; timeouts: number }> {
  const started = performance.now();
  const elapsed = () => (performance.now() - started) / 1000;
  const results = [await run({ amount })];
  const settled = () => {
    const now = readings.at(-1);
    const before = readings.at(-1 - SETTLE_WINDOW);
    return now !== undefined && before !== undefined && now <= before * (1 + SETTLED);
  };
  while (!settled() && elapsed() < MAX_WARMUP) results.push(await run({ duration: WARMUP_SLICE }));
  // What counts of the warm-up is its errors.
  const sum = (count: (result: AutocannonResult) => number) =>
    results.reduce((total, result) => total + count(result), 0);
  return {
    seconds: Math.round(elapsed()),
    failed: sum(failedStatuses),
    errors: sum((result) => result.errors),
    timeouts: sum((result) => result.timeouts),
  };
}

/** One autocannon run of `requests`; each connection starts at its own place in the sequence. */
function load(
  url: string,
  requests: LoadRequest[],
  connections: number,
  length: Length,
  timeout = 10,
): Promise<AutocannonResult> {
  let client = 0;
  const setupClient = (connection: LoadClient) => {
    const from = (client++ * 37) % requests.length;
    connection.setRequests([...requests.slice(from), ...requests.slice(0, from)]);
  };
  return autocannon({ url, connections, ...length, requests, timeout, setupClient });
}

// autocannon, typed for what the load tool uses of it (the package ships no types of its own).
import { createRequire } from "node:module";

/** One request of the mix: each connection sends them in turn, then starts over. */
export interface LoadRequest {
  method: "GET";
  path: string;
  headers: Record<string, string>;
}

/** A connection, as setupClient receives it. */
export interface LoadClient {
  setRequests(requests: LoadRequest[]): void;
}

/** The options of one run. */
export interface AutocannonOptions {
  url: string;
  connections: number;
  /** Seconds; ignored when `amount` is set. */
  duration?: number;
  /** Requests to send, spread over the connections, instead of a duration. */
  amount?: number;
  requests: LoadRequest[];
  /** Seconds before a request with no answer counts as a timeout. */
  timeout: number;
  setupClient?: (client: LoadClient) => void;
}

/** A histogram's summary; latencies are in milliseconds. */
export interface Histogram {
  average: number;
  p50: number;
  p99: number;
  max: number;
  total: number;
}

/** What a run measured. */
export interface AutocannonResult {
  latency: Histogram;
  /** Requests completed per second, sampled once a second; `total` is every request completed. */
  requests: Histogram;
  /** Seconds the run lasted. */
  duration: number;
  /** Connection errors, timeouts included. */
  errors: number;
  timeouts: number;
  /** How many answers had each status code. */
  statusCodeStats: Record<string, { count: number }>;
}

const require = createRequire(import.meta.url);

const run = require("autocannon") as (options: AutocannonOptions) => PromiseLike<AutocannonResult>;

/** Runs autocannon once and resolves to its result (autocannon itself gives a thenable, not a Promise). */
export function autocannon(options: AutocannonOptions): Promise<AutocannonResult> {
  return Promise.resolve(run(options));
}

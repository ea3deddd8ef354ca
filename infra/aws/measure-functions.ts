// Measures what each Lambda bundle of a build needs: peak RSS and invocation times, each function in a child
// Node.js process of its own, invoked with HTTP API (payload 2.0) events as a warm instance would be over its
// life. serverless.yml's memorySize and timeout are sized from its output:
//   npx tsx infra/aws/measure-functions.ts --dist dist --content content [--requests 3000]
import { execFile } from "node:child_process";
import { readdir, readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs, promisify } from "node:util";

/** What one function used serving its workload. */
export interface FunctionMeasure {
  name: string;
  requests: number;
  /** Import of the bundle, as in a cold start, in milliseconds. */
  importMs: number;
  /** The first invocation, reading the manifest and its first documents. */
  firstMs: number;
  /** The slowest and the median of all invocations. */
  maxMs: number;
  medianMs: number;
  /** Peak resident set size of the process, in MB. */
  peakRssMb: number;
  /** Statuses seen, with their counts: every one should be 200. */
  statuses: Record<string, number>;
}

// Runs in the child: imports the bundle, invokes it once per path, prints one JSON line.
const CHILD = `
const [bundle, pathsJson] = process.argv.slice(1);
const paths = JSON.parse(pathsJson);
const event = (path) => {
  const [rawPath, rawQueryString = ""] = path.split("?");
  const query = Object.fromEntries(new URLSearchParams(rawQueryString));
  return {
    version: "2.0", routeKey: "$default", rawPath, rawQueryString,
    headers: { accept: "*/*", "accept-encoding": "br, gzip", host: "abc.execute-api.eu-west-3.amazonaws.com" },
    ...(rawQueryString ? { queryStringParameters: query } : {}),
    requestContext: { http: { method: "GET", path: rawPath, protocol: "HTTP/1.1", sourceIp: "192.0.2.1", userAgent: "m" },
      requestId: "m", routeKey: "$default", stage: "$default", domainName: "abc.execute-api.eu-west-3.amazonaws.com",
      accountId: "123456789012", apiId: "abc", domainPrefix: "abc", time: "", timeEpoch: 0 },
    isBase64Encoded: false,
  };
};
const start = performance.now();
const { handler } = await import(bundle);
const importMs = performance.now() - start;
const times = [];
const statuses = {};
for (const path of paths) {
  const t = performance.now();
  const result = await handler(event(path), {});
  times.push(performance.now() - t);
  statuses[result.statusCode] = (statuses[result.statusCode] ?? 0) + 1;
}
const sorted = [...times].sort((a, b) => a - b);
console.log(JSON.stringify({ importMs, firstMs: times[0], maxMs: sorted.at(-1), medianMs: sorted[sorted.length >> 1],
  peakRssMb: process.resourceUsage().maxRSS / 1024, statuses }));
`;

/** Paths each function serves in the measure: the feeds of feeds.json, then pages and API answers by id. */
async function workloads(dist: string, content: string, requests: number): Promise<Record<string, string[]>> {
  const feeds = JSON.parse(await readFile(join(dist, "feeds.json"), "utf8")) as { feeds: { url: string }[] };
  const ids = (await readdir(join(content, "briefs")))
    .filter((name) => name.endsWith(".md"))
    .map((name) => name.slice(0, -3));
  const take = <T>(list: T[]) => list.slice(0, requests);
  const spread = (n: number) => Array.from({ length: n }, (_, i) => ids[(i * 7919) % ids.length] as string);
  const byId = spread(Math.min(requests, ids.length));
  return {
    feeds: take(feeds.feeds.map(({ url }) => new URL(url).pathname)),
    api: take([
      "/api/briefs",
      "/api/briefs?limit=50",
      ...byId.flatMap((id) => [`/api/briefs/${id}`, `/api/briefs?limit=50&cursor=${id}`]),
    ]),
    site: take(["/", ...byId.flatMap((id) => [`/briefs/${id}`, `/embed/${id}`])]),
  };
}

/** Measures the three functions of the build in `dist`, built from `content`. */
export async function measureFunctions(
  dist: string,
  content: string,
  requests = 3000,
): Promise<FunctionMeasure[]> {
  const run = promisify(execFile);
  const measures: FunctionMeasure[] = [];
  for (const [name, paths] of Object.entries(await workloads(dist, content, requests))) {
    const bundle = pathToFileURL(resolve(dist, "functions", name, "index.mjs")).href;
    const { stdout } = await run(
      process.execPath,
      ["--input-type=module", "-e", CHILD, bundle, JSON.stringify(paths)],
      { env: { PATH: process.env.PATH, NEWS_BRIEF_CONTENT: "bundled" }, maxBuffer: 1 << 20 },
    );
    measures.push({
      name,
      requests: paths.length,
      ...(JSON.parse(stdout) as Omit<FunctionMeasure, "name" | "requests">),
    });
  }
  return measures;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { values } = parseArgs({
    options: { dist: { type: "string" }, content: { type: "string" }, requests: { type: "string" } },
  });
  const measures = await measureFunctions(
    values.dist ?? "dist",
    values.content ?? "content",
    Number(values.requests ?? 3000),
  );
  for (const m of measures) {
    const ms = (n: number) => `${n.toFixed(1)} ms`;
    console.log(
      `${m.name}: ${m.requests} requests, import ${ms(m.importMs)}, first ${ms(m.firstMs)}, median ${ms(m.medianMs)}, max ${ms(m.maxMs)}, peak RSS ${m.peakRssMb.toFixed(0)} MB, statuses ${JSON.stringify(m.statuses)}`,
    );
  }
}

// Warm serving: requests per second through the app, per runtime, against a bare server of the same runtime that
// answers the same bytes with the same headers. Load comes from autocannon, on loopback, in this process.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtemp, open, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DENO_PERMISSIONS } from "../../infra/hosts/deno/target.js";
import { autocannon } from "../../infra/load/autocannon.js";
import { type RawResponse, requestOverHttp } from "../functions/hosts/host-under-test.js";
import { BUN, DENO, DENO_ENV } from "../functions/hosts/runtimes.js";
import { type HostCommand, untilServing } from "../functions/hosts/spawn-host.js";
import { freePort, PROJECT_ROOT } from "../serverless/support/offline-process.js";
import type { Benchmark, BenchOptions, BenchRow } from "./benchmark.js";

/** What every request sends, to the app and to the baseline alike. */
const ACCEPT_ENCODING = "gzip, deflate, br";
const CONNECTIONS = 20;
const BRIEF = "/briefs/microsoft-employes-contrats-police";

/** The measured requests: a path, and whether it carries the app's own ETag back (a 304). */
const CASES = [
  { name: "/feed.xml", path: "/feed.xml" },
  { name: "/atom.xml", path: "/atom.xml" },
  { name: "/feed.json", path: "/feed.json" },
  { name: "/api/briefs", path: "/api/briefs" },
  { name: "brief page", path: BRIEF },
  { name: "304 /feed.xml", path: "/feed.xml", conditional: true },
] as const;
type Case = (typeof CASES)[number];

/** Headers a server writes itself, per connection or per moment: never copied into the baseline. */
const OWN_HEADERS = new Set(["date", "connection", "keep-alive", "transfer-encoding", "content-length"]);

/** A recorded answer, as the baseline replays it. */
interface Recorded {
  status: number;
  headers: [string, string][];
  body: string;
}

/** One runtime: how the app runs on it, and a bare server's source that replays `answers`. */
interface Runtime {
  name: string;
  app: HostCommand;
  bare: (answers: Record<string, Recorded>) => {
    file: string;
    source: string;
    command: (file: string) => HostCommand;
  };
  baseline: string;
  /** Every case; else a full answer and a 304 only, to keep the suite short. */
  allCases?: boolean;
  /** What the rows' group adds after the runtime's name. */
  variant?: string;
}

// The bare servers: a lookup by path (and by whether If-None-Match is sent), then the recorded bytes and headers.
const LOOKUP = `const key = (path, conditional) => (conditional ? "304 " : "") + path;
const answers = Object.fromEntries(Object.entries(recorded).map(([k, { status, headers, body }]) =>
  [k, { status, headers, body: Uint8Array.from(atob(body), (c) => c.charCodeAt(0)) }]));
const missing = { status: 404, headers: [], body: new Uint8Array() };`;

const FETCH_BARE = `${LOOKUP}
const fetch = (request) => {
  const url = request.url;
  const path = url.slice(url.indexOf("/", url.indexOf("//") + 2));
  const a = answers[key(path, request.headers.has("if-none-match"))] ?? missing;
  return new Response(a.status === 304 ? null : a.body, { status: a.status, headers: a.headers });
};`;

export const NODE: Runtime = {
  name: "Node.js",
  // As `npm start` runs it, after its build: the log level is the default one.
  app: {
    command: process.execPath,
    args: ["dist/server.mjs"],
    cwd: PROJECT_ROOT,
    env: { HOST: "127.0.0.1" },
  },
  baseline: "bare node:http, same bytes and headers",
  allCases: true,
  bare: (recorded) => ({
    file: "bare-node.mjs",
    source: `import { createServer } from "node:http";
const recorded = ${JSON.stringify(recorded)};
${LOOKUP}
createServer((req, res) => {
  const a = answers[key(req.url, req.headers["if-none-match"] !== undefined)] ?? missing;
  res.writeHead(a.status, a.headers.flat());
  res.end(a.status === 304 ? undefined : a.body);
}).listen(Number(process.env.PORT), "127.0.0.1");`,
    command: (file) => ({ command: process.execPath, args: [file] }),
  }),
};

/**
 * The same server logging warnings and errors only (NEWS_BRIEF_LOG_LEVEL=warn): the difference from NODE is what
 * writing one line per request costs.
 */
const NODE_QUIET: Runtime = {
  ...NODE,
  app: { ...NODE.app, env: { ...NODE.app.env, NEWS_BRIEF_LOG_LEVEL: "warn" } },
  allCases: false,
  variant: "no request log",
};

/**
 * The app against Hono alone: a one-route Hono app on the same adapter, @hono/node-server, replaying the same
 * bytes and headers (a plain object, as the app's are). The ratio is the app's own work, framework aside.
 */
const NODE_VS_HONO: Runtime = {
  ...NODE,
  allCases: false,
  variant: "against Hono alone",
  baseline: "one-route Hono app on @hono/node-server, same bytes and headers",
  bare: (recorded) => ({
    file: "hono-alone.mjs",
    source: `import { createServer } from "node:http";
import { getRequestListener } from ${JSON.stringify(import.meta.resolve("@hono/node-server"))};
import { Hono } from ${JSON.stringify(import.meta.resolve("hono"))};
const recorded = ${JSON.stringify(recorded)};
${LOOKUP}
for (const answer of Object.values(answers)) answer.headers = Object.fromEntries(answer.headers);
const app = new Hono();
app.get("*", (c) => {
  const a = answers[key(c.req.path, c.req.header("if-none-match") !== undefined)] ?? missing;
  return new Response(a.status === 304 ? null : a.body, { status: a.status, headers: a.headers });
});
createServer(getRequestListener(app.fetch)).listen(Number(process.env.PORT), "127.0.0.1");`,
    command: (file) => ({ command: process.execPath, args: [file] }),
  }),
};

const BUN_RUNTIME: Runtime = {
  name: "Bun",
  app: {
    command: BUN,
    args: ["server.mjs"],
    cwd: join(PROJECT_ROOT, "dist/hosts/bun"),
    env: { HOST: "127.0.0.1" },
  },
  baseline: "bare Bun.serve, same bytes and headers",
  bare: (recorded) => ({
    file: "bare-bun.mjs",
    source: `const recorded = ${JSON.stringify(recorded)};
${FETCH_BARE}
Bun.serve({ port: Number(process.env.PORT), hostname: "127.0.0.1", fetch });`,
    command: (file) => ({ command: BUN, args: [file] }),
  }),
};

const DENO_RUNTIME: Runtime = {
  name: "Deno",
  app: {
    command: DENO,
    args: ["serve", "--port", "{port}", "--host", "127.0.0.1", ...DENO_PERMISSIONS, "server.mjs"],
    cwd: join(PROJECT_ROOT, "dist/hosts/deno"),
    env: DENO_ENV,
  },
  baseline: "bare Deno.serve, same bytes and headers",
  bare: (recorded) => ({
    file: "bare-deno.mjs",
    source: `const recorded = ${JSON.stringify(recorded)};
${FETCH_BARE}
export default { fetch };`,
    command: (file) => ({
      command: DENO,
      args: ["serve", "--port", "{port}", "--host", "127.0.0.1", file],
      env: DENO_ENV,
    }),
  }),
};

const headersFor = (conditional: boolean, etag?: string): Record<string, string> => ({
  "accept-encoding": ACCEPT_ENCODING,
  ...(conditional && etag ? { "if-none-match": etag } : {}),
});

/** What the app answers to each case, recorded for the baseline to replay; fails on a status that is not 200/304. */
async function record(
  request: (path: string, init: RequestInit) => Promise<RawResponse>,
  cases: readonly Case[],
): Promise<{ recorded: Record<string, Recorded>; etags: Record<string, string> }> {
  const recorded: Record<string, Recorded> = {};
  const etags: Record<string, string> = {};
  for (const one of cases) {
    const first = await request(one.path, { headers: headersFor(false) });
    const etag = first.headers.get("etag") ?? undefined;
    if (etag) etags[one.path] = etag;
    const answer =
      "conditional" in one ? await request(one.path, { headers: headersFor(true, etag) }) : first;
    const expected = "conditional" in one ? 304 : 200;
    if (answer.status !== expected) throw new Error(`${one.name} answered ${answer.status}, not ${expected}`);
    recorded[`${"conditional" in one ? "304 " : ""}${one.path}`] = {
      status: answer.status,
      headers: [...answer.headers].filter(([name]) => !OWN_HEADERS.has(name)),
      body: Buffer.from(answer.body).toString("base64"),
    };
  }
  return { recorded, etags };
}

/** Requests per second at `origin` for one case, over `seconds`; fails on any error or unexpected status. */
async function rate(origin: string, one: Case, etag: string | undefined, seconds: number): Promise<number> {
  const conditional = "conditional" in one;
  const result = await autocannon({
    url: origin,
    connections: CONNECTIONS,
    duration: seconds,
    timeout: 10,
    requests: [{ method: "GET", path: one.path, headers: headersFor(conditional, etag) }],
  });
  const expected = conditional ? "304" : "200";
  const total = Object.values(result.statusCodeStats).reduce((sum, { count }) => sum + count, 0);
  if (result.errors > 0 || total === 0 || result.statusCodeStats[expected]?.count !== total) {
    throw new Error(
      `${one.name} at ${origin}: ${result.errors} errors, statuses ${JSON.stringify(result.statusCodeStats)}`,
    );
  }
  return total / result.duration;
}

/** A server under load: where it answers, and how it stops. */
interface Served {
  origin: string;
  request(path: string, init: RequestInit): Promise<RawResponse>;
  stop(): Promise<void>;
}

/**
 * Starts `host` on a free loopback port with its output going to a file, as a terminal or a log collector
 * would take it: read through a pipe, each request's log line would cost this process, which runs the load.
 */
async function serve(host: HostCommand, log: string): Promise<Served> {
  const port = await freePort();
  const fill = (text: string) => text.replaceAll("{port}", String(port));
  const output = await open(log, "w");
  const child = spawn(host.command, host.args.map(fill), {
    cwd: host.cwd,
    env: { ...process.env, ...host.env, PORT: String(port) },
    stdio: ["ignore", output.fd, output.fd],
  });
  await output.close();
  const origin = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    await once(child, "exit");
  };
  await untilServing(origin, host.command, child, stop, () => readFile(log, "utf8"));
  return { origin, request: (path, init) => requestOverHttp(origin, path, init), stop };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};

const round = (value: number) => Math.round(value).toLocaleString("en-US");

/** Measures every case of `runtime`, interleaving app and baseline. */
export async function measure(runtime: Runtime, options: BenchOptions, dir: string): Promise<BenchRow[]> {
  // Node.js, the goal's runtime, gets every case; the others a full answer and a 304, to keep the suite short.
  const cases = options.smoke
    ? CASES.slice(0, 1)
    : runtime.allCases
      ? CASES
      : CASES.filter((one) => one.name === "/feed.xml" || "conditional" in one);
  const seconds = options.smoke ? 0.5 : 3;
  const warmup = options.smoke ? 0.5 : 1.5;
  const rounds = options.smoke ? 1 : 3;
  const app = await serve(runtime.app, join(dir, `${runtime.name}-app.log`));
  let bare: Served | undefined;
  try {
    const { recorded, etags } = await record(app.request, cases);
    const server = runtime.bare(recorded);
    const file = join(dir, server.file);
    await writeFile(file, server.source);
    bare = await serve(server.command(file), join(dir, `${runtime.name}-bare.log`));
    const rows: BenchRow[] = [];
    for (const one of cases) {
      const etag = etags[one.path];
      const origins = { app: app.origin, bare: bare.origin };
      for (const origin of Object.values(origins)) await rate(origin, one, etag, warmup);
      const runs = { app: [] as number[], bare: [] as number[] };
      for (let i = 0; i < rounds; i++) {
        // Interleaved, and in alternating order, so that the machine's state weighs on both alike.
        const order = i % 2 ? (["bare", "app"] as const) : (["app", "bare"] as const);
        for (const side of order) runs[side].push(await rate(origins[side], one, etag, seconds));
      }
      const appRate = median(runs.app);
      const bareRate = median(runs.bare);
      rows.push({
        group: `Warm serving (${runtime.name}${runtime.variant ? `, ${runtime.variant}` : ""})`,
        name: one.name,
        value: Math.round((appRate / bareRate) * 100) / 100,
        unit: "ratio",
        baseline: runtime.baseline,
        ...(runtime === NODE && { goal: { min: 0.8 } }),
        note:
          `${round(appRate)} against ${round(bareRate)} req/s (median of ${rounds} × ${seconds} s, ` +
          `${CONNECTIONS} connections; app runs ${runs.app.map(round).join("/")}, bare ${runs.bare.map(round).join("/")}); ` +
          "autocannon shares this machine's 2 cores with both servers",
      });
    }
    return rows;
  } finally {
    await bare?.stop();
    await app.stop();
  }
}

/** The warm-serving rows: Node.js always; Bun and Deno when their runtime starts here. */
export const warmServing: Benchmark = {
  name: "Warm serving",
  async run(options) {
    const dir = await mkdtemp(join(tmpdir(), "news-brief-warm-"));
    try {
      const rows = await measure(NODE, options, dir);
      if (!options.smoke) {
        rows.push(...(await measure(NODE_QUIET, options, dir)));
        rows.push(...(await measure(NODE_VS_HONO, options, dir)));
      }
      for (const runtime of [BUN_RUNTIME, DENO_RUNTIME]) {
        try {
          rows.push(...(await measure(runtime, options, dir)));
        } catch (error) {
          rows.push({
            group: `Warm serving (${runtime.name})`,
            name: "not measured",
            value: 0,
            unit: "ratio",
            note: `${runtime.name} did not run here: ${(error as Error).message.split("\n")[0]}`,
          });
        }
      }
      return rows;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
};

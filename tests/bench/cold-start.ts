// Cold start: a new process importing one Lambda bundle and answering one HTTP API event, against a new
// process importing an empty ES module, interleaved, on this Node.js and on Lambda's Node.js 22. The clock
// runs from spawn to the answer being ready (what a cold request waits for); spawn to exit goes in the note.
// No child calls fetch(), so none waits on undici's keep-alive sockets at exit (about 100 ms for one that does).
import { spawn } from "node:child_process";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { httpEvent, lambdaContext } from "../functions/adapters/support/lambda-events.js";
import { median } from "../functions/hosts/first-response.js";
import { PROJECT_ROOT } from "../serverless/support/offline-process.js";
import { HAS_NODE_22, NODE_22 } from "../support/node-22.js";
import type { Benchmark, BenchRow } from "./benchmark.js";

/** Each Lambda bundle and the request it answers first. */
export const COLD_REQUESTS = {
  feeds: "/feed.xml",
  api: "/api/briefs",
  site: "/briefs/microsoft-employes-contrats-police",
};

const READY = "ready";

/** The line a child prints once its answer is ready: READY and the CPU milliseconds it has used so far. */
const SAY_READY = `const cpu = process.cpuUsage(); process.stdout.write(${JSON.stringify(READY)} + " " + (cpu.user + cpu.system) / 1000 + "\\n");`;

/**
 * The first event: API Gateway's, from CloudFront, which asks for `br,gzip` when its cache policy lets it
 * compress, as serverless.yml's does; so the first answer is compressed as a reader's would be.
 */
function firstEvent(path: string) {
  const event = httpEvent("GET", path);
  return { ...event, headers: { ...event.headers, "accept-encoding": "br,gzip" } };
}

/** Source that imports the `name` bundle, answers one event for `path` and prints READY (throws unless 200). */
export function bundleScript(name: string, path: string): string {
  const bundle = pathToFileURL(join(PROJECT_ROOT, "dist/functions", name, "index.mjs")).href;
  return `const { handler } = await import(${JSON.stringify(bundle)});
const result = await handler(${JSON.stringify(firstEvent(path))}, ${JSON.stringify(lambdaContext())});
if (result.statusCode !== 200 || !result.body) throw new Error("answered " + result.statusCode);
${SAY_READY}`;
}

/** The runtime's own first Request and Response, read to the end. */
const FLOOR_SCRIPT = `const request = new Request("https://briefs.example.com/feed.xml");
const response = new Response("x");
if (request.method !== "GET" || (await response.text()) !== "x") throw new Error("no answer");
${SAY_READY}`;

/** An empty ES module that only says it is ready. */
const BARE_SCRIPT = SAY_READY;

/** One start: milliseconds from spawn to READY on stdout, and to exit; the child's CPU time when ready. */
interface Start {
  ready: number;
  exit: number;
  cpu: number;
}

/** Spawns `node` on the ES module `source`; rejects if it fails, prints no READY, or takes over 30 s. */
export function timeStart(node: string, source: string, env: Record<string, string> = {}): Promise<Start> {
  return new Promise((resolve, reject) => {
    const began = performance.now();
    const child = spawn(node, ["--input-type=module", "-e", source], {
      env: { ...process.env, PUBLIC_BASE_URL: "https://briefs.example.com", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let ready: number | undefined;
    let cpu = Number.NaN;
    let output = "";
    let errors = "";
    const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk;
      const line = ready === undefined ? /^ready (\S+)\n/m.exec(output) : null;
      if (line) {
        ready = performance.now() - began;
        cpu = Number(line[1]);
      }
    });
    child.stderr.on("data", (chunk: Buffer) => {
      errors += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      const exit = performance.now() - began;
      if (code === 0 && ready !== undefined) resolve({ ready, exit, cpu });
      else reject(new Error(`cold start failed (exit ${code}): ${errors.slice(0, 2000)}`));
    });
  });
}

/** The runtimes measured: this one (Node.js 20 here) and Lambda's Node.js 22 where it is installed. */
function runtimes(): Record<string, string> {
  const found: Record<string, string> = {
    [`Node.js ${process.versions.node.split(".")[0]}`]: process.execPath,
  };
  if (HAS_NODE_22) found["Node.js 22"] = NODE_22;
  return found;
}

const ms = (value: number) => `${value.toFixed(0)} ms`;

export const coldStart: Benchmark = {
  name: "cold start",
  async run({ smoke }) {
    const rounds = smoke ? 3 : 11;
    const subjects: Record<string, string> = { bare: BARE_SCRIPT, floor: FLOOR_SCRIPT };
    for (const [name, path] of Object.entries(COLD_REQUESTS)) subjects[name] = bundleScript(name, path);
    const rows: BenchRow[] = [];
    for (const [runtime, node] of Object.entries(runtimes())) {
      const starts: Record<string, Start[]> = Object.fromEntries(
        Object.keys(subjects).map((name) => [name, []]),
      );
      // One start of each per round, bare first, so that every subject sees the same machine.
      for (let round = 0; round < rounds; round++) {
        for (const [name, source] of Object.entries(subjects))
          starts[name]?.push(await timeStart(node, source));
      }
      const ready = (name: string) => median((starts[name] ?? []).map((start) => start.ready));
      const exit = (name: string) => median((starts[name] ?? []).map((start) => start.exit));
      const cpu = (name: string) => median((starts[name] ?? []).map((start) => start.cpu));
      const bare = ready("bare");
      const describe = (name: string) =>
        `${ms(ready(name))} against ${ms(bare)} to the answer; spawn to exit ${ms(exit(name))} against ${ms(exit("bare"))}; CPU when ready ${ms(cpu(name))} against ${ms(cpu("bare"))}; median of ${rounds}`;
      const group = `Cold start (${runtime})`;
      const baseline = "new process importing an empty ES module";
      for (const [name, path] of Object.entries(COLD_REQUESTS)) {
        rows.push({
          group,
          name: `${name}: import and first GET ${path}`,
          value: ready(name) / bare,
          unit: "ratio",
          baseline,
          goal: { max: 1.3 },
          note: describe(name),
        });
      }
      rows.push({
        group,
        name: "floor: the runtime's first Request and Response",
        value: ready("floor") / bare,
        unit: "ratio",
        baseline,
        note: `${describe("floor")}; Node.js loads its fetch implementation (undici) on first use of Request or Response`,
      });
    }
    return rows;
  },
};

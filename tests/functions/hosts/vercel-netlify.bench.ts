// `npm run bench:vitest`: Vercel and Netlify bundles, their size, and the time from spawning the runtime to the first
// 200 of /feed.xml, against that runtime's bare hello-world in the same run (median of 7, interleaved).
import { spawn } from "node:child_process";
import { once } from "node:events";
import { readFileSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { afterAll, bench, describe } from "vitest";
import { freePort, PROJECT_ROOT } from "../../serverless/support/offline-process.js";
import { CONFORMANCE_ENV } from "./conformance.js";
import { median } from "./first-response.js";
import { requestOverHttp } from "./host-under-test.js";

const ROUNDS = 7;
const SUPPORT = join(PROJECT_ROOT, "tests/functions/hosts/support");
const dist = (path: string) => join(PROJECT_ROOT, "dist/hosts", path);
// Inside the project, so that the prebuilt harnesses resolve its packages.
await mkdir(join(PROJECT_ROOT, "node_modules/.cache"), { recursive: true });
const hello = await mkdtemp(join(PROJECT_ROOT, "node_modules/.cache/news-brief-hosts-bench-"));
await writeFile(
  join(hello, "edge.js"),
  'export default function hello() { return new Response("hello"); }\n',
);
await writeFile(join(hello, "node.mjs"), 'export default { fetch: () => new Response("hello") };\n');
await writeFile(join(hello, "netlify.mjs"), 'export default async () => new Response("hello");\n');
afterAll(() => rm(hello, { recursive: true, force: true }));
// The harnesses prebuilt to plain ES modules, so that loading tsx does not weigh on both sides of the ratio.
const harness = async (name: string) => {
  const outfile = join(hello, `${name}.mjs`);
  await build({
    entryPoints: [join(SUPPORT, `${name}.ts`)],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    packages: "external",
    logLevel: "warning",
  });
  return outfile;
};
const [edgeHarness, nodeHarness] = await Promise.all([
  harness("vercel-edge-runtime"),
  harness("vercel-node-launcher"),
]);

/** Milliseconds from spawning a server on `args` until GET /feed.xml answers 200 (polled every 5 ms). */
async function serverToFirst200(args: string[]): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...CONFORMANCE_ENV, PORT: String(port) },
    stdio: "ignore",
  });
  try {
    for (;;) {
      const answer = await requestOverHttp(`http://127.0.0.1:${port}`, "/feed.xml").catch(() => undefined);
      if (answer?.status === 200) return performance.now() - started;
      if (child.exitCode !== null) throw new Error(`${args.join(" ")} exited with ${child.exitCode}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  } finally {
    child.kill("SIGKILL");
    await once(child, "exit");
  }
}

/** Milliseconds from spawning Node until it has imported `module` and its default export answered 200. */
async function inProcessToFirst200(module: string): Promise<number> {
  const started = performance.now();
  const script = `const m = await import(${JSON.stringify(`file://${module}`)});
const r = await m.default(new Request("https://news-brief.netlify.app/feed.xml"), {});
process.stdout.write(String(r.status));`;
  const child = spawn(process.execPath, ["--input-type=module", "-e", script], {
    env: { ...process.env, ...CONFORMANCE_ENV },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let out = "";
  child.stdout.on("data", (chunk: Buffer) => {
    out += chunk;
  });
  await once(child, "exit");
  // The last line: the app's request log line comes first on stdout.
  if (out.trim().split("\n").at(-1) !== "200") throw new Error(`${module} answered ${out}`);
  return performance.now() - started;
}

const edge = (file: string) => [edgeHarness, file];
const node = (file: string) => [nodeHarness, file];
const hosts = [
  {
    host: "Vercel Node.js (launcher over node:http)",
    bundle: dist("vercel/.vercel/output/functions/index.func/index.mjs"),
    ours: () => serverToFirst200(node(dist("vercel/.vercel/output/functions/index.func/index.mjs"))),
    bare: () => serverToFirst200(node(join(hello, "node.mjs"))),
  },
  {
    host: "Vercel Edge (edge-runtime)",
    bundle: dist("vercel-edge/.vercel/output/functions/index.func/index.js"),
    ours: () => serverToFirst200(edge(dist("vercel-edge/.vercel/output/functions/index.func/index.js"))),
    bare: () => serverToFirst200(edge(join(hello, "edge.js"))),
  },
  {
    host: "Netlify Functions v2 (Node, import + first call)",
    bundle: dist("netlify/netlify/functions/news-brief.mjs"),
    ours: () => inProcessToFirst200(dist("netlify/netlify/functions/news-brief.mjs")),
    bare: () => inProcessToFirst200(join(hello, "netlify.mjs")),
  },
];

const rows = [];
for (const { host, bundle, ours, bare } of hosts) {
  const times = { ours: [] as number[], bare: [] as number[] };
  for (let round = 0; round < ROUNDS; round++) {
    // Interleaved, the bare one first in odd rounds, so that drift on a shared machine falls on both.
    if (round % 2) times.bare.push(await bare());
    times.ours.push(await ours());
    if (!(round % 2)) times.bare.push(await bare());
  }
  const bytes = readFileSync(bundle);
  rows.push({
    host,
    "bundle bytes": bytes.byteLength,
    "gzip bytes": gzipSync(bytes, { level: 9 }).byteLength,
    "first 200, ms (median)": Math.round(median(times.ours)),
    "hello-world, ms (median)": Math.round(median(times.bare)),
    ratio: Number((median(times.ours) / median(times.bare)).toFixed(2)),
  });
}
console.table(rows);

describe("time to the first 200 of /feed.xml, from spawning the runtime", () => {
  for (const { host, ours, bare } of hosts) {
    bench(`${host}: hello-world`, async () => void (await bare()), { iterations: 1, time: 0 });
    bench(`${host}: news-brief`, async () => void (await ours()), { iterations: 1, time: 0 });
  }
});

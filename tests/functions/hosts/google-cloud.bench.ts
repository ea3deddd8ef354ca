// `npm run bench:vitest`: dist/hosts/google-cloud/ on the real functions-framework against the framework serving a
// one-line hello function, in the same run: the time from spawn to the first 200, and a warm request.
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, bench, describe } from "vitest";
import { PROJECT_ROOT } from "../../serverless/support/offline-process.js";
import { CONFORMANCE_ENV } from "./conformance.js";
import { answersOver, bundleSize, type ColdStart, medianStarts, report } from "./first-response.js";
import { requestOverHttp } from "./host-under-test.js";
import { spawnHost } from "./spawn-host.js";

const SOURCE = join(PROJECT_ROOT, "dist/hosts/google-cloud");
// Inside the project, so that its import finds the framework as the bundle's does.
const HELLO = join(PROJECT_ROOT, ".news-brief/bench/google-cloud-hello");
const FRAMEWORK = join(PROJECT_ROOT, "node_modules/.bin/functions-framework");
const ENV = { ...CONFORMANCE_ENV, NODE_ENV: "production" };

await mkdir(HELLO, { recursive: true });
await writeFile(join(HELLO, "package.json"), '{ "type": "module", "main": "index.mjs" }\n');
await writeFile(
  join(HELLO, "index.mjs"),
  'import { http } from "@google-cloud/functions-framework";\nhttp("hello", (req, res) => res.send("hello"));\n',
);

function framework(source: string, target: string, path: string): ColdStart {
  return {
    command: FRAMEWORK,
    args: [`--target=${target}`, `--source=${source}`, "--port={port}"],
    env: ENV,
    answered: answersOver(path),
  };
}

report(
  "Google Cloud Run functions (functions-framework)",
  bundleSize(join(SOURCE, "index.mjs")),
  await medianStarts({
    "news-brief, GET /feed.xml": framework(SOURCE, "newsBrief", "/feed.xml"),
    "hello function, GET /": framework(HELLO, "hello", "/"),
  }),
);

const [ours, hello] = await Promise.all([
  spawnHost({
    command: FRAMEWORK,
    args: ["--target=newsBrief", `--source=${SOURCE}`, "--port={port}"],
    env: ENV,
  }),
  spawnHost({ command: FRAMEWORK, args: ["--target=hello", `--source=${HELLO}`, "--port={port}"], env: ENV }),
]);
afterAll(() => Promise.all([ours.stop(), hello.stop()]));

describe("a warm request through functions-framework", () => {
  bench("news-brief GET /feed.xml", async () => {
    await requestOverHttp(ours.origin, "/feed.xml");
  });
  bench("hello function GET /", async () => {
    await requestOverHttp(hello.origin, "/");
  });
});

// `npm run bench:vitest`: dist/hosts/azure/ invoked in process, as azure.test.ts does, against a hello handler
// registered with the same library, in the same run: from spawning Node to the first 200, and a warm invocation.
// The Functions host is not run (it cannot be installed here), so neither number includes its own start.
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { HttpRequest, InvocationContext } from "@azure/functions";
import { afterAll, bench, describe } from "vitest";
import { PROJECT_ROOT } from "../../serverless/support/offline-process.js";
import { installFunctionsCore } from "./azure-worker.js";
import { CONFORMANCE_ENV } from "./conformance.js";
import { bundleSize, type ColdStart, medianStarts, report } from "./first-response.js";

const APP = join(PROJECT_ROOT, "dist/hosts/azure/index.mjs");
// Inside the project, so that their imports find @azure/functions as the bundle's does.
const BENCH = join(PROJECT_ROOT, ".news-brief/bench/azure");
const HELLO = join(BENCH, "hello.mjs");
const INVOKE = join(BENCH, "invoke.mjs");
const ORIGIN = "https://news-brief.azurewebsites.net";

await mkdir(BENCH, { recursive: true });
await writeFile(
  HELLO,
  'import { app } from "@azure/functions";\napp.http("hello", { handler: async () => ({ body: "hello" }) });\n',
);
// The worker's registration module, as azure-worker.ts provides it, then one invocation of what registered.
await writeFile(
  INVOKE,
  `import Module from "node:module";
const handlers = [];
const core = {
  version: "4.0.0-bench", hostVersion: "4.0.0-bench", log() {}, setProgrammingModel() {},
  registerHook: () => ({ dispose() {} }),
  registerFunction: (metadata, handler) => (handlers.push(handler), { dispose() {} }),
};
const original = Module.prototype.require;
Module.prototype.require = function (id, ...rest) {
  return id === "@azure/functions-core" ? core : original.call(this, id, ...rest);
};
// Node finds app among the library's named exports, not its classes: they come from the CommonJS object.
const { HttpRequest, InvocationContext } = (await import("@azure/functions")).default;
await import(process.argv[2]);
const request = new HttpRequest({ method: "GET", url: ${JSON.stringify(ORIGIN)} + process.argv[3] });
const response = await handlers[0](request, new InvocationContext());
console.log("status " + (response.status ?? 200));
`,
);

function invocation(app: string, path: string): ColdStart {
  return {
    command: process.execPath,
    args: [INVOKE, pathToFileURL(app).href, path],
    env: CONFORMANCE_ENV,
    answered: async (_origin, output) => output().includes("status 200"),
  };
}

report(
  "Azure Functions v4 (in process)",
  bundleSize(APP),
  await medianStarts({
    "news-brief, GET /feed.xml": invocation(APP, "/feed.xml"),
    "hello handler, GET /": invocation(HELLO, "/"),
  }),
);

const core = installFunctionsCore();
for (const [name, value] of Object.entries(CONFORMANCE_ENV)) process.env[name] = value;
await import(pathToFileURL(APP).href);
await import(pathToFileURL(HELLO).href);
const [ours, hello] = core.registered.map((one) => one.handler);
afterAll(() => core.uninstall());

function invoke(handler: typeof ours, path: string) {
  return handler?.(new HttpRequest({ method: "GET", url: `${ORIGIN}${path}` }), new InvocationContext());
}

describe("a warm invocation in process", () => {
  bench("news-brief GET /feed.xml", async () => {
    await invoke(ours, "/feed.xml");
  });
  bench("hello handler GET /", async () => {
    await invoke(hello, "/");
  });
});

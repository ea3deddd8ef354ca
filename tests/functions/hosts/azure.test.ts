// Azure Functions v4: dist/hosts/azure/ in process. Its bundle registers the function through the real
// @azure/functions (the worker's registration module stood in for, see azure-worker.ts), and each request is a
// real HttpRequest with a real InvocationContext; the answer goes through the library's own HttpResponse, as
// the worker sends it. The Functions host itself is not run: its install downloads a binary.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { HttpRequest, HttpResponse, type HttpResponseInit, InvocationContext } from "@azure/functions";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { PROJECT_ROOT } from "../../serverless/support/offline-process.js";
import { type S3Server, startS3Server } from "../../support/s3-server.js";
import { type FunctionsCore, installFunctionsCore, type RegisteredFunction } from "./azure-worker.js";
import { CONFORMANCE_ENV, conformance } from "./conformance.js";
import { type HostUnderTest, requestInProcess } from "./host-under-test.js";
import { BUCKET_BRIEF, publishToBucket } from "./published-bucket.js";

const APP = join(PROJECT_ROOT, "dist/hosts/azure");
/** The address Azure gives a function app. */
const ORIGIN = "https://news-brief.azurewebsites.net";

/** Node's own import, not the test runner's: the worker loads the app with it, CommonJS interop and all. */
const nativeImport = createRequire(import.meta.url)("./native-import.cjs") as (
  url: string,
) => Promise<unknown>;

let core: FunctionsCore;
let loads = 0;

beforeAll(() => {
  core = installFunctionsCore();
});

afterAll(() => core.uninstall());

/** Loads a fresh copy of the bundle with `env` set, as the worker loads package.json's main, and returns what it registered. */
async function loadApp(env: Record<string, string>): Promise<RegisteredFunction> {
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  const before = core.registered.length;
  try {
    await nativeImport(`${pathToFileURL(join(APP, "index.mjs")).href}?load=${++loads}`);
  } finally {
    vi.unstubAllEnvs();
  }
  const added = core.registered.slice(before);
  expect(added.map((one) => one.metadata.name)).toEqual(["newsBrief"]);
  return added[0] as RegisteredFunction;
}

/** Requests answered by the registered handler, from a real HttpRequest to what the worker would send back. */
function inProcess(fn: RegisteredFunction): HostUnderTest {
  const handle = async (request: Request): Promise<Response> => {
    const bytes = request.body ? new Uint8Array(await request.arrayBuffer()) : undefined;
    const httpRequest = new HttpRequest({
      method: request.method,
      url: request.url,
      headers: Object.fromEntries(request.headers),
      body: bytes ? { bytes } : undefined,
    });
    const context = new InvocationContext({ functionName: fn.metadata.name, invocationId: randomUUID() });
    const sent = new HttpResponse((await fn.handler(httpRequest, context)) as HttpResponseInit);
    // The worker sends the body as bytes (toRpcHttp); none at all for a 304 or a HEAD.
    const body = await sent.arrayBuffer();
    return new Response(body.byteLength > 0 ? body : null, { status: sent.status, headers: sent.headers });
  };
  return { request: (path, init) => requestInProcess(handle, ORIGIN, path, init), stop: async () => {} };
}

conformance("Azure Functions v4 (in process)", async () => inProcess(await loadApp(CONFORMANCE_ENV)));

describe("Azure Functions v4: the function app folder", () => {
  const hostJson = JSON.parse(readFileSync(join(APP, "host.json"), "utf8"));

  test("host.json empties Azure's default /api route prefix", () => {
    expect(hostJson.version).toBe("2.0");
    expect(hostJson.extensions.http.routePrefix).toBe("");
  });

  test("the function answers every path at the site's root: /feed.xml, not /api/feed.xml", async () => {
    const fn = await loadApp(CONFORMANCE_ENV);
    const trigger = Object.values(fn.metadata.bindings).find((binding) => binding.type === "httpTrigger");
    expect(trigger).toMatchObject({ direction: "in", route: "{*path}", authLevel: "anonymous" });
    expect(trigger?.methods).toEqual(expect.arrayContaining(["GET", "HEAD", "POST", "OPTIONS"]));
    // The URL template the host serves the function at: prefix, then the route.
    const template = [hostJson.extensions.http.routePrefix, trigger?.route].filter(Boolean).join("/");
    expect(template).toBe("{*path}");
    // The host hands the app the whole path, prefix included: under /api/ the feeds would not be found.
    const host = inProcess(fn);
    expect((await host.request("/feed.xml")).status).toBe(200);
    expect((await host.request("/api/feed.xml")).status).toBe(404);
  });

  test("package.json makes index.mjs the ES module entry and pins the library the tests run", () => {
    const manifest = JSON.parse(readFileSync(join(APP, "package.json"), "utf8"));
    const project = JSON.parse(readFileSync(join(PROJECT_ROOT, "package.json"), "utf8"));
    expect(manifest).toMatchObject({ type: "module", main: "index.mjs" });
    expect(manifest.dependencies).toEqual({
      "@azure/functions": project.devDependencies["@azure/functions"],
    });
    expect(manifest.dependencies["@azure/functions"]).toMatch(/^4\.\d+\.\d+$/);
  });
});

describe("Azure Functions v4: content from NEWS_BRIEF_CONTENT", () => {
  let s3: S3Server;

  beforeAll(async () => {
    s3 = await startS3Server();
    return () => s3.close();
  });

  test("s3://… serves the bucket's briefs", async () => {
    const host = inProcess(await loadApp({ ...CONFORMANCE_ENV, ...(await publishToBucket(s3, "azure")) }));
    const answer = await host.request(`/api/briefs/${BUCKET_BRIEF.id}`);
    expect(answer.status).toBe(200);
    expect(JSON.parse(Buffer.from(answer.body).toString("utf8"))).toMatchObject({ id: BUCKET_BRIEF.id });
  });

  test("a malformed value stops the app from loading, naming the variable", async () => {
    await expect(loadApp({ NEWS_BRIEF_CONTENT: "ftp://briefs" })).rejects.toThrow(
      /NEWS_BRIEF_CONTENT must be "bundled" or s3:\/\/bucket\/prefix/,
    );
  });
});

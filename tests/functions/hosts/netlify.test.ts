// Netlify Functions v2: dist/hosts/netlify/ called in process with a real Request and a Netlify-shaped context,
// with the site's variables in the Netlify.env global, as Netlify's runtime calls a function.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Config, Context } from "@netlify/functions";
import type { EnvironmentVariables } from "@netlify/types";
import { parse } from "smol-toml";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { PROJECT_ROOT } from "../../serverless/support/offline-process.js";
import { CONFORMANCE_ENV, conformance } from "./conformance.js";
import { requestInProcess } from "./host-under-test.js";
import { BUCKET_BRIEF, type PublishedBucket, startPublishedBucket } from "./published-bucket.js";

const SITE = join(PROJECT_ROOT, "dist/hosts/netlify");
const FUNCTION = join(SITE, "netlify/functions/news-brief.mjs");

type NetlifyFunction = (request: Request, context: Context) => Promise<Response>;

/** `Netlify.env` over `variables`, with the methods Netlify's runtime gives it. */
function netlifyEnv(variables: Record<string, string>): EnvironmentVariables {
  const values = new Map(Object.entries(variables));
  return {
    get: (key) => values.get(key),
    has: (key) => values.has(key),
    set: (key, value) => void values.set(key, value),
    delete: (key) => void values.delete(key),
    toObject: () => Object.fromEntries(values),
  };
}

/** A fresh instance of the deployed function (its own module, so its own app) and a caller for it. */
async function deployed(instance: string, variables: Record<string, string>) {
  const module = (await import(`${pathToFileURL(FUNCTION).href}?${instance}`)) as {
    default: NetlifyFunction;
    config: Config;
  };
  const env = netlifyEnv(variables);
  const handle = (request: Request) => {
    // The global is the site's; each call puts back the variables this instance was deployed with.
    globalThis.Netlify = { env, context: null };
    const context = { requestId: "01JTEST", ip: "127.0.0.1", params: {} } as unknown as Context;
    return module.default(request, context);
  };
  return { module, handle };
}

conformance("Netlify Functions v2 (in process)", async () => {
  const { handle } = await deployed("conformance", CONFORMANCE_ENV);
  return {
    request: (path, init) => requestInProcess(handle, "https://news-brief.netlify.app", path, init),
    stop: async () => {},
  };
});

describe("Netlify: the function and netlify.toml", () => {
  test("the function's config routes every path to it, static files first", async () => {
    const { module } = await deployed("config", CONFORMANCE_ENV);
    expect(module.config).toEqual({ path: "/*", preferStatic: true });
    expect(typeof module.default).toBe("function");
  });

  test("netlify.toml points at the prebuilt function and ships it unbundled", () => {
    const toml = parse(readFileSync(join(SITE, "netlify.toml"), "utf8"));
    expect(toml).toEqual({
      build: { publish: "public" },
      functions: { directory: "netlify/functions", node_bundler: "none" },
    });
    expect(readFileSync(join(SITE, "public/README.txt"), "utf8")).toMatch(/preferStatic/);
  });
});

describe("Netlify: content from Netlify.env", () => {
  let bucket: PublishedBucket;
  beforeAll(async () => {
    bucket = await startPublishedBucket();
  }, 60_000);
  afterAll(() => bucket?.close());

  test("NEWS_BRIEF_CONTENT=s3://… serves the published store from the bucket", async () => {
    const { handle } = await deployed("s3", { ...CONFORMANCE_ENV, ...bucket.env });
    const answer = await handle(new Request("https://news-brief.netlify.app/api/briefs"));
    expect(answer.status).toBe(200);
    expect(await answer.text()).toContain(BUCKET_BRIEF.id);
  });

  test("a bad NEWS_BRIEF_CONTENT answers 500 with a message naming the variable", async () => {
    const { handle } = await deployed("bad", { ...CONFORMANCE_ENV, NEWS_BRIEF_CONTENT: "ftp://x" });
    const answer = await handle(new Request("https://news-brief.netlify.app/feed.xml"));
    expect(answer.status).toBe(500);
    expect(await answer.text()).toMatch(/NEWS_BRIEF_CONTENT must be/);
  });
});

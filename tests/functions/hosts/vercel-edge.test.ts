// Vercel, Edge runtime: dist/hosts/vercel-edge/.vercel/output in the edge-runtime package, as `vercel dev` runs it.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { EDGE_FUNCTION_CONFIG } from "../../../infra/hosts/vercel-edge/target.js";
import { CONFORMANCE_ENV, conformance } from "./conformance.js";
import { requestOverHttp } from "./host-under-test.js";
import { BUCKET_BRIEF, type PublishedBucket, startPublishedBucket } from "./published-bucket.js";
import {
  expectRoutesToTheFunction,
  functionConfig,
  outputDir,
  spawnVercel,
} from "./support/vercel-output.js";

const FUNCTION = join(outputDir("vercel-edge"), "functions/index.func");
const ENTRYPOINT = join(FUNCTION, "index.js");
const RUNTIME = "vercel-edge-runtime.ts";

// Vercel's edge network compresses what an Edge Function sends (gzip and Brotli, by Accept-Encoding), and
// the runtime has no node:zlib: the app sends identity there, and the suite checks that instead.
conformance("Vercel Edge Function (edge-runtime)", () => spawnVercel(RUNTIME, ENTRYPOINT, CONFORMANCE_ENV), {
  platformCompresses: true,
});

describe("Vercel Edge: the Build Output API folder", () => {
  test("config.json sends every path and method to the one Function", () => {
    expectRoutesToTheFunction("vercel-edge");
  });

  test(".vc-config.json names the edge runtime and an entrypoint that exists", () => {
    expect(functionConfig("vercel-edge")).toEqual(EDGE_FUNCTION_CONFIG);
    expect(functionConfig("vercel-edge")).toEqual({ runtime: "edge", entrypoint: "index.js" });
    expect(readFileSync(join(FUNCTION, "index.js"), "utf8").length).toBeGreaterThan(1000);
  });

  test("the bundle imports no Node.js module and carries the store inside it", () => {
    const bundle = readFileSync(ENTRYPOINT, "utf8");
    expect(bundle).not.toMatch(/\bfrom\s*["'](?:node:)?[a-z_/]+["']|\brequire\(|\bimport\(["']/);
    expect(bundle).toContain("manifest.json");
  });
});

describe("Vercel Edge: content from the environment", () => {
  let bucket: PublishedBucket;
  beforeAll(async () => {
    bucket = await startPublishedBucket();
  }, 60_000);
  afterAll(() => bucket?.close());

  test("NEWS_BRIEF_CONTENT=s3://… serves the published store from the bucket, signed with Web Crypto", async () => {
    const host = await spawnVercel(RUNTIME, ENTRYPOINT, { ...CONFORMANCE_ENV, ...bucket.env });
    try {
      const answer = await requestOverHttp(host.origin, "/api/briefs");
      expect(answer.status).toBe(200);
      expect(Buffer.from(answer.body).toString("utf8")).toContain(BUCKET_BRIEF.id);
    } finally {
      await host.stop();
    }
  });

  test("a bad NEWS_BRIEF_CONTENT answers 500 with a message naming the variable", async () => {
    const host = await spawnVercel(RUNTIME, ENTRYPOINT, {
      ...CONFORMANCE_ENV,
      NEWS_BRIEF_CONTENT: "ftp://x",
    });
    try {
      const answer = await requestOverHttp(host.origin, "/feed.xml");
      expect(answer.status).toBe(500);
      expect(Buffer.from(answer.body).toString("utf8")).toMatch(/NEWS_BRIEF_CONTENT must be/);
    } finally {
      await host.stop();
    }
  });
});

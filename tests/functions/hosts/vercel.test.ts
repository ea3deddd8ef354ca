// Vercel, Node.js runtime: dist/hosts/vercel/.vercel/output served the way Vercel's Node.js launcher calls it.
import { execFile } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { NODE_FUNCTION_CONFIG } from "../../../infra/hosts/vercel/target.js";
import { CONFORMANCE_ENV, conformance } from "./conformance.js";
import { requestOverHttp } from "./host-under-test.js";
import { BUCKET_BRIEF, type PublishedBucket, startPublishedBucket } from "./published-bucket.js";
import {
  expectRoutesToTheFunction,
  functionConfig,
  outputDir,
  spawnVercel,
} from "./support/vercel-output.js";

const FUNCTION = join(outputDir("vercel"), "functions/index.func");
const HANDLER = join(FUNCTION, "index.mjs");
const LAUNCHER = "vercel-node-launcher.ts";

conformance("Vercel Node.js Function (Vercel's launcher over node:http)", () =>
  spawnVercel(LAUNCHER, HANDLER, CONFORMANCE_ENV),
);

describe("Vercel Node.js: the Build Output API folder", () => {
  test("config.json sends every path and method to the one Function", () => {
    expectRoutesToTheFunction("vercel");
  });

  test(".vc-config.json names Node.js 22, Vercel's Node.js launcher and a handler that exists", () => {
    const config = functionConfig("vercel");
    expect(config).toEqual(NODE_FUNCTION_CONFIG);
    expect(config).toMatchObject({ runtime: "nodejs22.x", launcherType: "Nodejs", handler: "index.mjs" });
    expect(existsSync(join(FUNCTION, String(config.handler)))).toBe(true);
  });

  test("the Function folder holds everything it reads: the bundle, and the store when not inside it", () => {
    const outside = readdirSync(join(outputDir("vercel"), "..", ".."));
    expect(outside.sort()).toEqual([".vercel"]);
  });
});

describe("Vercel Node.js: the fetch export, not a listener", () => {
  test("importing the handler starts no server, its fetch answers, and the process then exits by itself", async () => {
    // Vercel's launcher patches http.Server.prototype.listen to catch a module that starts its own server
    // (as @hono/node-server's serve() does); a module that waits on one never returns an answer there.
    const script = `
      import http from "node:http";
      let listens = 0;
      http.Server.prototype.listen = function () { listens++; return this; };
      let listener = await import(${JSON.stringify(`file://${HANDLER}`)});
      for (let i = 0; i < 5 && listener.default; i++) listener = listener.default;
      const response = await listener.fetch(new Request("https://briefs.example.com/feed.xml"));
      console.error(JSON.stringify({ listens, fetch: typeof listener.fetch, status: response.status, bytes: (await response.arrayBuffer()).byteLength }));
    `;
    // The answer goes to stderr: stdout carries the app's own request log line.
    const { stderr: stdout } = await promisify(execFile)(
      process.execPath,
      ["--input-type=module", "-e", script],
      {
        env: { ...process.env, ...CONFORMANCE_ENV },
        timeout: 20_000,
      },
    );
    expect(JSON.parse(stdout)).toEqual({
      listens: 0,
      fetch: "function",
      status: 200,
      bytes: expect.any(Number),
    });
    expect(JSON.parse(stdout).bytes).toBeGreaterThan(100);
  });
});

describe("Vercel Node.js: content from the environment", () => {
  let bucket: PublishedBucket;
  beforeAll(async () => {
    bucket = await startPublishedBucket();
  }, 60_000);
  afterAll(() => bucket?.close());

  test("NEWS_BRIEF_CONTENT=s3://… serves the published store from the bucket", async () => {
    const host = await spawnVercel(LAUNCHER, HANDLER, { ...CONFORMANCE_ENV, ...bucket.env });
    try {
      const answer = await requestOverHttp(host.origin, "/api/briefs");
      expect(answer.status).toBe(200);
      expect(Buffer.from(answer.body).toString("utf8")).toContain(BUCKET_BRIEF.id);
    } finally {
      await host.stop();
    }
  });

  test("a bad NEWS_BRIEF_CONTENT answers 500 with a message naming the variable", async () => {
    const host = await spawnVercel(LAUNCHER, HANDLER, { ...CONFORMANCE_ENV, NEWS_BRIEF_CONTENT: "ftp://x" });
    try {
      const answer = await requestOverHttp(host.origin, "/feed.xml");
      expect(answer.status).toBe(500);
      expect(Buffer.from(answer.body).toString("utf8")).toMatch(/NEWS_BRIEF_CONTENT must be/);
    } finally {
      await host.stop();
    }
  });
});

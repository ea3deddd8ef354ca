// Google Cloud Run functions: dist/hosts/google-cloud/ served by the real functions-framework on loopback, as
// `gcloud functions deploy` runs it (the framework from the folder's own dependencies, the target by name).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { PROJECT_ROOT } from "../../serverless/support/offline-process.js";
import { type S3Server, startS3Server } from "../../support/s3-server.js";
import { CONFORMANCE_ENV, conformance } from "./conformance.js";
import { NotCarriedError } from "./host-under-test.js";
import { BUCKET_BRIEF, publishToBucket } from "./published-bucket.js";
import { type HostCommand, spawnHost } from "./spawn-host.js";

const SOURCE = join(PROJECT_ROOT, "dist/hosts/google-cloud");
const FRAMEWORK = "@google-cloud/functions-framework";

/** The framework's own command serving the deployment folder; the bundle finds the framework in node_modules. */
function framework(env: Record<string, string>): HostCommand {
  return {
    command: join(PROJECT_ROOT, "node_modules/.bin/functions-framework"),
    args: ["--target=newsBrief", `--source=${SOURCE}`, "--port={port}"],
    env,
  };
}

conformance("Google Cloud Run functions (functions-framework)", async () => {
  const host = await spawnHost(framework(CONFORMANCE_ENV));
  // The framework answers /robots.txt and /favicon.ico itself (its default ignored routes; see the README).
  const request: typeof host.request = async (path, init) => {
    if (/^\/(?:robots\.txt|favicon\.ico)(?:\?|$)/.test(path))
      throw new NotCarriedError(`the framework keeps ${path}`);
    return host.request(path, init);
  };
  return { ...host, request };
});

describe("Google Cloud Run functions: the source folder", () => {
  test("package.json makes index.mjs the ES module entry and pins the framework the tests run", () => {
    const manifest = JSON.parse(readFileSync(join(SOURCE, "package.json"), "utf8"));
    const project = JSON.parse(readFileSync(join(PROJECT_ROOT, "package.json"), "utf8"));
    expect(manifest).toMatchObject({ type: "module", main: "index.mjs", engines: { node: "22" } });
    expect(manifest.dependencies).toEqual({ [FRAMEWORK]: project.devDependencies[FRAMEWORK] });
    expect(manifest.dependencies[FRAMEWORK]).toMatch(/^\d+\.\d+\.\d+$/);
  });

  test("the bundle imports the framework instead of carrying a copy whose registry nobody reads", () => {
    const bundle = readFileSync(join(SOURCE, "index.mjs"), "utf8");
    expect(bundle).toMatch(/from\s*"@google-cloud\/functions-framework"/);
    expect(bundle).not.toContain("Invalid function name");
  });
});

describe("Google Cloud Run functions: requests through the framework's Express", () => {
  let host: Awaited<ReturnType<typeof spawnHost>>;

  beforeAll(async () => {
    // NODE_ENV empty stands for a deployment that sets none.
    host = await spawnHost(framework({ ...CONFORMANCE_ENV, NODE_ENV: "" }));
    return () => host.stop();
  }, 90_000);

  test.each([
    ["application/octet-stream", "x".repeat(1_000_000)],
    ["application/json", '{"title":"x"}'],
    ["text/plain", "x"],
  ])("a %s body Express has already read answers 405, not a hang", async (type, body) => {
    const answer = await host.request("/api/briefs", {
      method: "POST",
      body,
      headers: { "Content-Type": type },
    });
    expect(answer.status).toBe(405);
    expect(answer.headers.get("allow")).toBe("GET, HEAD");
  });

  test("a malformed JSON body, refused by the framework before the app, shows no stack trace", async () => {
    const answer = await host.request("/api/briefs", {
      method: "POST",
      body: "{",
      headers: { "Content-Type": "application/json" },
    });
    const text = Buffer.from(answer.body).toString("utf8");
    expect(answer.status).toBe(400);
    expect(text).toContain("Bad Request");
    expect(text).not.toMatch(/node_modules|at JSON\.parse/);
  });

  test("a Brotli body keeps its length: Express neither re-encodes nor chunks it", async () => {
    const answer = await host.request("/feed.xml", { headers: { "Accept-Encoding": "br" } });
    expect(answer.headers.get("content-encoding")).toBe("br");
    expect(answer.headers.get("transfer-encoding")).toBeNull();
    expect(Number(answer.headers.get("content-length"))).toBe(answer.body.byteLength);
  });
});

describe("Google Cloud Run functions: content from NEWS_BRIEF_CONTENT", () => {
  let s3: S3Server;

  beforeAll(async () => {
    s3 = await startS3Server();
    return () => s3.close();
  });

  test("s3://… serves the bucket's briefs", async () => {
    const host = await spawnHost(framework({ ...CONFORMANCE_ENV, ...(await publishToBucket(s3, "gcf")) }));
    try {
      const answer = await host.request(`/api/briefs/${BUCKET_BRIEF.id}`);
      expect(answer.status).toBe(200);
      expect(JSON.parse(Buffer.from(answer.body).toString("utf8"))).toMatchObject({ id: BUCKET_BRIEF.id });
    } finally {
      await host.stop();
    }
  }, 90_000);

  test("a malformed value stops the function at start-up, naming the variable", async () => {
    await expect(spawnHost(framework({ NEWS_BRIEF_CONTENT: "ftp://briefs" }))).rejects.toThrow(
      /exited with 1[\s\S]*NEWS_BRIEF_CONTENT must be "bundled" or s3:\/\/bucket\/prefix/,
    );
  });
});

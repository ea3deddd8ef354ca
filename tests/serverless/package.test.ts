// `npm run package` (osls package) builds the deployment artifact with no AWS account and no network.
import { execFile } from "node:child_process";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { PROJECT_ROOT } from "./support/offline-process.js";

const run = promisify(execFile);
let out: string;

/** The entries of a zip file, read with Python's zipfile (Debian's python3 is there for feedparser). */
async function zipEntries(file: string): Promise<string[]> {
  const { stdout } = await run("/usr/bin/python3", [
    "-c",
    "import sys, zipfile; print('\\n'.join(zipfile.ZipFile(sys.argv[1]).namelist()))",
    file,
  ]);
  return stdout.trim().split("\n");
}

beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), "news-brief-package-"));
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith("AWS_")));
  await run(process.execPath, ["node_modules/osls/bin/serverless.js", "package", "--package", out], {
    cwd: PROJECT_ROOT,
    env: { ...env, HOME: out },
  });
}, 120_000);

afterAll(async () => {
  await rm(out, { recursive: true, force: true });
});

describe("osls package", () => {
  test("writes one zip per function holding only that function's bundle and the content store", async () => {
    const zips = (await readdir(out)).filter((name) => name.endsWith(".zip")).sort();
    expect(zips).toEqual(["api.zip", "feeds.zip", "site.zip"]);
    for (const zip of zips) {
      const entries = await zipEntries(join(out, zip));
      expect(entries.filter((entry) => !entry.startsWith("dist/store/"))).toEqual([
        `dist/functions/${zip.replace(".zip", "")}/index.mjs`,
      ]);
      expect(entries).toContain("dist/store/manifest.json");
    }
  });

  test("reads the content bucket with s3:GetObject on its stage's prefix only", async () => {
    const template = JSON.parse(
      await readFile(join(out, "cloudformation-template-update-stack.json"), "utf8"),
    );
    const role = template.Resources.IamRoleLambdaExecution.Properties;
    const statements = role.Policies.flatMap(
      (policy: { PolicyDocument: { Statement: { Action: string[]; Resource: unknown }[] } }) =>
        policy.PolicyDocument.Statement,
    );
    const s3 = statements.filter((statement: { Action: string[] }) =>
      statement.Action.some((action) => action.startsWith("s3:")),
    );
    expect(s3).toEqual([
      {
        Effect: "Allow",
        Action: ["s3:GetObject"],
        Resource: "arn:aws:s3:::news-brief-dev-content-eu-west-3/dev/*",
      },
    ]);
    expect(template.Resources.ContentBucket.Type).toBe("AWS::S3::Bucket");
    expect(template.Resources.ContentBucket.Properties.PublicAccessBlockConfiguration.BlockPublicPolicy).toBe(
      true,
    );
    const env = template.Resources.FeedsLambdaFunction.Properties.Environment.Variables;
    expect(env.NEWS_BRIEF_CONTENT).toBe("bundled");
  });

  test("declares Node.js 22 on arm64 behind one HTTP API with a catch-all route", async () => {
    const template = JSON.parse(
      await readFile(join(out, "cloudformation-template-update-stack.json"), "utf8"),
    );
    const resources = Object.values(template.Resources) as {
      Type: string;
      Properties: Record<string, unknown>;
    }[];
    const functions = resources.filter((r) => r.Type === "AWS::Lambda::Function");
    expect(functions).toHaveLength(3);
    for (const fn of functions) {
      expect(fn.Properties.Runtime).toBe("nodejs22.x");
      expect(fn.Properties.Architectures).toEqual(["arm64"]);
    }
    expect(resources.filter((r) => r.Type === "AWS::ApiGatewayV2::Api")).toHaveLength(1);
    const routes = resources
      .filter((r) => r.Type === "AWS::ApiGatewayV2::Route")
      .map((r) => r.Properties.RouteKey);
    expect(routes).toContain("$default");
    expect(routes).toContain("ANY /feed.xml");
    expect(routes).toContain("ANY /api/briefs/{id}");
  });
});

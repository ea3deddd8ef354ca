// `npm run package` (osls package) builds the deployment artifact with no AWS account and no network; the
// CloudFormation template it writes is read here as AWS would apply it, and checked against the real app.
import { execFile } from "node:child_process";
import { cp, mkdtemp, readdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { generatedCatalog } from "../fixtures/catalog.js";
import { testApp } from "../support/test-app.js";
import {
  type Behavior,
  behaviorOf,
  cacheKeyOf,
  distributionConfig,
  type Template,
} from "./support/cloudfront-template.js";
import { PROJECT_ROOT } from "./support/offline-process.js";

const run = promisify(execFile);
let out: string;
let domainOut: string;
let template: Template;
/** The template of a package with a custom domain and its certificate. */
let withDomain: Template;
const CERTIFICATE = "arn:aws:acm:us-east-1:123456789012:certificate/0f0e0d0c-0b0a-0908-0706-050403020100";

/** The environment of a machine without any AWS credential, with HOME in `home`. */
function offlineEnv(home: string): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith("AWS_")));
  return { ...env, HOME: home };
}

/** Runs `osls package` in `cwd` with `args`; resolves to its exit code and output, whatever they are. */
async function oslsPackage(cwd: string, into: string, args: string[] = []) {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      [join(PROJECT_ROOT, "node_modules/osls/bin/serverless.js"), "package", "--package", into, ...args],
      { cwd, env: offlineEnv(into) },
    );
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

/** A copy of the project in a temporary folder, with `edit` applied to its serverless.yml. */
async function projectCopy(edit: (config: string) => string): Promise<string> {
  const copy = await mkdtemp(join(tmpdir(), "news-brief-package-copy-"));
  for (const file of ["package.json", "infra/aws"]) {
    await cp(join(PROJECT_ROOT, file), join(copy, file), { recursive: true });
  }
  await symlink(join(PROJECT_ROOT, "node_modules"), join(copy, "node_modules"));
  await symlink(join(PROJECT_ROOT, "dist"), join(copy, "dist"));
  const config = await readFile(join(PROJECT_ROOT, "serverless.yml"), "utf8");
  const edited = edit(config);
  if (edited === config) throw new Error("the edit changed nothing in serverless.yml");
  await writeFile(join(copy, "serverless.yml"), edited);
  return copy;
}

const readTemplate = async (dir: string): Promise<Template> =>
  JSON.parse(await readFile(join(dir, "cloudformation-template-update-stack.json"), "utf8"));

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
  domainOut = await mkdtemp(join(tmpdir(), "news-brief-package-domain-"));
  // One after the other: two packages of one folder at once share its .serverless/ and lose each other's zips.
  const domain = await oslsPackage(PROJECT_ROOT, domainOut, [
    "--param=domain=briefs.example.com",
    `--param=certificate=${CERTIFICATE}`,
  ]);
  const plain = await oslsPackage(PROJECT_ROOT, out);
  expect(plain, plain.output).toMatchObject({ code: 0 });
  expect(domain, domain.output).toMatchObject({ code: 0 });
  template = await readTemplate(out);
  withDomain = await readTemplate(domainOut);
}, 180_000);

afterAll(async () => {
  await rm(out, { recursive: true, force: true });
  await rm(domainOut, { recursive: true, force: true });
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
    const role = template.Resources.IamRoleLambdaExecution?.Properties;
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
    expect(template.Resources.ContentBucket?.Type).toBe("AWS::S3::Bucket");
    expect(
      template.Resources.ContentBucket?.Properties.PublicAccessBlockConfiguration.BlockPublicPolicy,
    ).toBe(true);
    const env = template.Resources.FeedsLambdaFunction?.Properties.Environment.Variables;
    expect(env.NEWS_BRIEF_CONTENT).toBe("bundled");
  });

  test("declares Node.js 22 on arm64 behind one HTTP API with a catch-all route", async () => {
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

/** Every behaviour of the distribution, the default last. */
const behaviors = (): Behavior[] => {
  const config = distributionConfig(template);
  return [...config.CacheBehaviors, config.DefaultCacheBehavior];
};

describe("the CloudFront distribution", () => {
  test("fetches from the HTTP API's own host name over HTTPS only, and redirects viewers to HTTPS", () => {
    const config = distributionConfig(template);
    expect(config.Origins).toEqual([
      {
        Id: "HttpApi",
        DomainName: {
          "Fn::Select": [1, { "Fn::Split": ["://", { "Fn::GetAtt": ["HttpApi", "ApiEndpoint"] }] }],
        },
        CustomOriginConfig: { OriginProtocolPolicy: "https-only", OriginSSLProtocols: ["TLSv1.2"] },
      },
    ]);
    expect(template.Resources.HttpApi?.Type).toBe("AWS::ApiGatewayV2::Api");
    for (const behavior of behaviors()) {
      expect(behavior).toMatchObject({
        TargetOriginId: "HttpApi",
        ViewerProtocolPolicy: "redirect-to-https",
        Compress: true,
        CachedMethods: ["GET", "HEAD"],
        OriginRequestPolicyId: { Ref: "OriginRequestPolicy" },
      });
      // POST and the rest reach the app, which answers 405 with Allow, rather than CloudFront's own 403.
      expect(behavior.AllowedMethods).toHaveLength(7);
    }
  });

  test("honours the origin's Cache-Control in every cache policy, with gzip and Brotli and no cookies", () => {
    const policies = new Set(behaviors().map((behavior) => behavior.CachePolicyId.Ref));
    expect([...policies].sort()).toEqual([
      "ApiCachePolicy",
      "FeedCachePolicy",
      "OEmbedCachePolicy",
      "PageCachePolicy",
    ]);
    for (const behavior of behaviors()) {
      expect(cacheKeyOf(template, behavior)).toMatchObject({
        MinTTL: 0,
        DefaultTTL: 0,
        MaxTTL: 31_536_000,
        ParametersInCacheKeyAndForwardedToOrigin: {
          EnableAcceptEncodingGzip: true,
          EnableAcceptEncodingBrotli: true,
          CookiesConfig: { CookieBehavior: "none" },
        },
      });
    }
  });

  test("keys each path on the query strings the app reads there, and the XML feeds on Accept", () => {
    const key = (path: string) => {
      const parameters = cacheKeyOf(
        template,
        behaviorOf(template, path),
      ).ParametersInCacheKeyAndForwardedToOrigin;
      return {
        query:
          parameters.QueryStringsConfig.QueryStrings ?? parameters.QueryStringsConfig.QueryStringBehavior,
        headers: parameters.HeadersConfig.Headers ?? parameters.HeadersConfig.HeaderBehavior,
      };
    };
    expect(key("/api/briefs")).toEqual({ query: ["limit", "tag", "cursor"], headers: "none" });
    expect(key("/api/briefs/un-brief")).toEqual({ query: ["limit", "tag", "cursor"], headers: "none" });
    expect(key("/oembed")).toEqual({ query: ["url", "format", "maxwidth", "maxheight"], headers: "none" });
    for (const feed of ["/feed.xml", "/atom.xml", "/tags/cloud/feed.xml", "/tags/cloud/archive/2/atom.xml"]) {
      expect(key(feed), feed).toEqual({ query: "none", headers: ["Accept"] });
    }
    for (const path of [
      "/",
      "/briefs/un-brief",
      "/tags/cloud",
      "/feed.json",
      "/widget/news-brief.js",
      "/widget/news-brief.0123456789.js",
      "/feed.xsl",
    ]) {
      expect(key(path), path).toEqual({ query: "none", headers: "none" });
    }
  });

  test("folds Accept with the CloudFront Function of infra/aws on exactly the behaviours keyed on it", async () => {
    const fn = template.Resources.NormaliseAcceptFunction;
    expect(fn?.Type).toBe("AWS::CloudFront::Function");
    expect(fn?.Properties).toMatchObject({
      AutoPublish: true,
      FunctionConfig: { Runtime: "cloudfront-js-2.0" },
      FunctionCode: await readFile(join(PROJECT_ROOT, "infra/aws/normalise-accept.mjs"), "utf8"),
    });
    for (const behavior of behaviors()) {
      const keyedOnAccept =
        cacheKeyOf(
          template,
          behavior,
        ).ParametersInCacheKeyAndForwardedToOrigin.HeadersConfig.Headers?.includes("Accept") ?? false;
      expect(behavior.FunctionAssociations ?? [], behavior.PathPattern).toEqual(
        keyedOnAccept
          ? [
              {
                EventType: "viewer-request",
                FunctionARN: { "Fn::GetAtt": ["NormaliseAcceptFunction", "FunctionARN"] },
              },
            ]
          : [],
      );
    }
  });

  test("forwards no Host, no cookie and no other query string to the origin", () => {
    const policy = template.Resources.OriginRequestPolicy;
    expect(policy?.Type).toBe("AWS::CloudFront::OriginRequestPolicy");
    expect(policy?.Properties.OriginRequestPolicyConfig).toMatchObject({
      CookiesConfig: { CookieBehavior: "none" },
      HeadersConfig: {
        HeaderBehavior: "whitelist",
        Headers: ["Access-Control-Request-Headers", "Access-Control-Request-Method"],
      },
      QueryStringsConfig: { QueryStringBehavior: "none" },
    });
  });

  test("leaves the security headers to the app: no response headers policy adds or replaces any", () => {
    expect(behaviors().filter((behavior) => "ResponseHeadersPolicyId" in behavior)).toEqual([]);
    const types = Object.values(template.Resources).map((resource) => resource.Type);
    expect(types).toContain("AWS::CloudFront::Distribution");
    expect(types).not.toContain("AWS::CloudFront::ResponseHeadersPolicy");
  });

  test("serves on *.cloudfront.net with CloudFront's certificate unless a domain is given", () => {
    const config = distributionConfig(template);
    expect(template.Conditions.HasCustomDomain).toEqual({ "Fn::Not": [{ "Fn::Equals": ["", ""] }] });
    expect(config.Aliases).toEqual({ "Fn::If": ["HasCustomDomain", [""], { Ref: "AWS::NoValue" }] });
    expect(config.ViewerCertificate["Fn::If"][2]).toEqual({ CloudFrontDefaultCertificate: true });

    const custom = distributionConfig(withDomain);
    expect(withDomain.Conditions.HasCustomDomain).toEqual({
      "Fn::Not": [{ "Fn::Equals": ["briefs.example.com", ""] }],
    });
    expect(custom.Aliases["Fn::If"][1]).toEqual(["briefs.example.com"]);
    expect(custom.ViewerCertificate["Fn::If"][1]).toEqual({
      AcmCertificateArn: CERTIFICATE,
      SslSupportMethod: "sni-only",
      MinimumProtocolVersion: "TLSv1.2_2021",
    });
    expect(withDomain.Outputs.PublicBaseUrl?.Value["Fn::If"][1]).toBe("https://briefs.example.com");
  });

  test("outputs the distribution's domain, its id and the public base URL", () => {
    expect(template.Outputs.DistributionDomainName?.Value).toEqual({
      "Fn::GetAtt": ["Distribution", "DomainName"],
    });
    expect(template.Outputs.DistributionId?.Value).toEqual({ Ref: "Distribution" });
    expect(template.Outputs.PublicBaseUrl?.Value).toEqual({
      "Fn::If": [
        "HasCustomDomain",
        "https://",
        { "Fn::Join": ["", ["https://", { "Fn::GetAtt": ["Distribution", "DomainName"] }]] },
      ],
    });
  });
});

describe("the cache keys against the real app", () => {
  const app = testApp(generatedCatalog(45));
  /** One address of every route, with a query the route reads where it reads one. */
  const PATHS = [
    "/",
    "/briefs/brief-0040",
    "/tags/cloud",
    "/feed.xml",
    "/atom.xml",
    "/feed.json",
    "/tags/cloud/feed.xml",
    "/tags/cloud/atom.xml",
    "/tags/cloud/feed.json",
    "/archive/1/feed.xml",
    "/archive/1/feed.json",
    "/tags/cloud/archive/1/atom.xml",
    "/feed.xsl",
    "/widget/news-brief.js",
    "/api/briefs",
    "/api/briefs/brief-0040",
    "/oembed?url=https://briefs.example.com/briefs/brief-0040",
    "/embed/brief-0040",
    "/no-such-page",
  ];
  /** Query strings any client might add; those a route reads change its answer. */
  const QUERIES = {
    limit: "3",
    tag: "cloud",
    cursor: "brief-0040",
    url: "https://briefs.example.com/briefs/brief-0039",
    format: "xml",
    maxwidth: "300",
    maxheight: "200",
    page: "2",
    utm_source: "newsletter",
    q: "cloud",
  };
  /** Headers any client might send; those a route reads change its answer. */
  const HEADERS = {
    Accept: "text/html",
    "Accept-Language": "en",
    Origin: "https://partner.example",
    Cookie: "session=1",
    "User-Agent": "Feedly/1.0",
    Referer: "https://partner.example/",
  };
  const answer = async (path: string, headers: Record<string, string> = {}) => {
    const response = await app.request(`https://briefs.example.com${path}`, { headers });
    return JSON.stringify({
      status: response.status,
      headers: [...response.headers].filter(([name]) => name !== "date"),
      body: await response.text(),
    });
  };
  const with_ = (path: string, name: string, value: string) => {
    const url = new URL(path, "https://briefs.example.com");
    url.searchParams.set(name, value);
    return `${url.pathname}${url.search}`;
  };

  test("puts in each path's key every query string that changes the app's answer there", async () => {
    for (const path of PATHS) {
      const base = await answer(path);
      const read = [];
      for (const [name, value] of Object.entries(QUERIES)) {
        if ((await answer(with_(path, name, value))) !== base) read.push(name);
      }
      const parameters = cacheKeyOf(
        template,
        behaviorOf(template, path.split("?")[0] as string),
      ).ParametersInCacheKeyAndForwardedToOrigin;
      expect(parameters.QueryStringsConfig.QueryStrings ?? [], path).toEqual(expect.arrayContaining(read));
    }
  });

  test("puts in each path's key every header the app varies on, and every header that changes its answer", async () => {
    for (const path of PATHS) {
      const behavior = behaviorOf(template, path.split("?")[0] as string);
      const keyed =
        cacheKeyOf(template, behavior).ParametersInCacheKeyAndForwardedToOrigin.HeadersConfig.Headers ?? [];
      const response = await app.request(`https://briefs.example.com${path}`);
      const vary = (response.headers.get("Vary") ?? "")
        .split(",")
        .map((name) => name.trim())
        .filter((name) => name !== "" && name !== "Accept-Encoding");
      expect(keyed, path).toEqual(expect.arrayContaining(vary));
      const base = await answer(path);
      for (const [name, value] of Object.entries(HEADERS)) {
        if ((await answer(path, { [name]: value })) !== base)
          expect(keyed, `${path} reads ${name}`).toContain(name);
      }
    }
  });
});

describe("the functions", () => {
  test("have the memory and timeout measured for a 10,000-brief catalogue", () => {
    const functions = Object.values(template.Resources).filter((r) => r.Type === "AWS::Lambda::Function");
    expect(functions.map((fn) => [fn.Properties.MemorySize, fn.Properties.Timeout])).toEqual([
      [512, 10],
      [512, 10],
      [512, 10],
    ]);
  });

  test("keep their logs for 14 days, one log group each", () => {
    const groups = Object.values(template.Resources).filter((r) => r.Type === "AWS::Logs::LogGroup");
    expect(
      groups.map((group) => group.Properties).sort((a, b) => a.LogGroupName.localeCompare(b.LogGroupName)),
    ).toEqual([
      { LogGroupName: "/aws/lambda/news-brief-dev-api", RetentionInDays: 14 },
      { LogGroupName: "/aws/lambda/news-brief-dev-feeds", RetentionInDays: 14 },
      { LogGroupName: "/aws/lambda/news-brief-dev-site", RetentionInDays: 14 },
    ]);
  });

  test("answer on every route the app serves", () => {
    const routes = Object.values(template.Resources)
      .filter((r) => r.Type === "AWS::ApiGatewayV2::Route")
      .map((r) => r.Properties.RouteKey);
    expect(routes).toEqual(
      expect.arrayContaining([
        "$default",
        "ANY /",
        "ANY /briefs/{id}",
        "ANY /tags/{tag}",
        "ANY /feed.xml",
        "ANY /atom.xml",
        "ANY /feed.json",
        "ANY /feed.xsl",
        "ANY /archive/{page}/{file}",
        "ANY /tags/{tag}/{file}",
        "ANY /tags/{tag}/archive/{page}/{file}",
        "ANY /api/briefs",
        "ANY /api/briefs/{id}",
        "ANY /oembed",
        "ANY /embed/{id}",
        "ANY /widget/{file}",
      ]),
    );
  });

  test("may do nothing in AWS but write their own logs and read the content bucket", () => {
    const statements = template.Resources.IamRoleLambdaExecution?.Properties.Policies.flatMap(
      (policy: { PolicyDocument: { Statement: unknown[] } }) => policy.PolicyDocument.Statement,
    );
    const actions = statements.flatMap((statement: { Action: string[] }) => statement.Action).sort();
    expect(actions).toEqual(
      [
        "logs:CreateLogStream",
        "logs:CreateLogGroup",
        "logs:PutLogEvents",
        "logs:TagResource",
        "s3:GetObject",
      ].sort(),
    );
    for (const statement of statements as { Effect: string; Resource: unknown }[]) {
      expect(statement.Effect).toBe("Allow");
      expect(JSON.stringify(statement.Resource)).not.toContain('"*"');
    }
  });
});

describe("osls package refuses a broken config", () => {
  test("fails on a misspelled property, thanks to configValidationMode: error", async () => {
    const copy = await projectCopy((config) => config.replace("  memorySize:", "  memorySise:"));
    try {
      const result = await oslsPackage(copy, join(copy, "out"));
      expect(result.code).not.toBe(0);
      expect(result.output).toMatch(/unrecognized property 'memorySise'/);
    } finally {
      await rm(copy, { recursive: true, force: true });
    }
  }, 120_000);

  test.each([
    [["--param=domain=briefs.example.com"], "go together; got only domain"],
    [
      [
        "--param=domain=briefs.example.com",
        "--param=certificate=arn:aws:acm:eu-west-3:123456789012:certificate/0f0e0d0c-0b0a-0908-0706-050403020100",
      ],
      "certificate must be the ARN of an ACM certificate in us-east-1",
    ],
    [
      ["--param=domain=https://briefs.example.com", `--param=certificate=${CERTIFICATE}`],
      "domain must be a host name",
    ],
  ])(
    "fails before building anything on custom-domain params %j",
    async (args, message) => {
      const into = await mkdtemp(join(tmpdir(), "news-brief-package-bad-"));
      try {
        const result = await oslsPackage(PROJECT_ROOT, into, args);
        expect(result.code).not.toBe(0);
        expect(result.output).toContain(message);
        expect(await readdir(into)).toEqual([]);
      } finally {
        await rm(into, { recursive: true, force: true });
      }
    },
    120_000,
  );
});

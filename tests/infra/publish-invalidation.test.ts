// publish-content --invalidate against s3rver and a loopback stand-in for CloudFront's API: one signed
// CreateInvalidation per publish that changed something, for exactly the paths that changed; none otherwise;
// and a refused invalidation fails the command after the content is live.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from "vitest";
import { MANIFEST_KEY, type Manifest } from "../../functions/catalog/store-layout.js";
import { main, type PublishContentOptions, publishContent } from "../../infra/publish-content.js";
import { type S3Server, startS3Server } from "../support/s3-server.js";
import { siteYml } from "../support/site-yml.js";
import { type StubCloudFront, startStubCloudFront } from "./support/stub-cloudfront.js";

const SITE_YML = siteYml({ feedSize: 4 });

/** A brief published on day `day` of January 2024, `minute` past 9; even days are tagged Microsoft too. */
const briefFile = (id: string, day: number, minute = 0) => `---
title: Titre de ${id}
lead: Accroche de ${id}.
published: 2024-01-${String(day).padStart(2, "0")}T09:${String(minute).padStart(2, "0")}:00+01:00
tags: [${day % 2 === 0 ? "Cloud, Microsoft" : "Cloud"}]
source:
  name: Clubic
---

- **Premier point.** Texte de ${id}.
`;

const NOW = new Date("2024-02-01T12:00:00.000Z");
const DISTRIBUTION = "E2QWRUHAPOMQZL";
let s3: S3Server;
let cloudfront: StubCloudFront;
let work: string;
let content: string;
let prefix: string;
let prefixes = 0;

beforeAll(async () => {
  s3 = await startS3Server();
  cloudfront = await startStubCloudFront();
});

afterAll(async () => {
  await cloudfront.close();
  await s3.close();
});

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), "news-brief-invalidate-"));
  content = join(work, "content");
  await mkdir(join(content, "briefs"), { recursive: true });
  await writeFile(join(content, "site.yml"), SITE_YML);
  prefix = `site-${++prefixes}`;
  cloudfront.requests.length = 0;
});

afterEach(async () => {
  vi.unstubAllEnvs();
  await rm(work, { recursive: true, force: true });
});

/** Writes each brief: published on a day, or on a day and a minute. */
const addBriefs = (briefs: Record<string, number | number[]>) =>
  Promise.all(
    Object.entries(briefs).map(([id, when]) => {
      const [day = 1, minute = 0] = typeof when === "number" ? [when] : when;
      return writeFile(join(content, "briefs", `${id}.md`), briefFile(id, day, minute));
    }),
  );

/** Publishes the content folder with --invalidate, the stand-in as CloudFront, at NOW. */
function publish(options: PublishContentOptions = {}) {
  return publishContent(s3.store(prefix), {
    content,
    cacheDir: join(work, "parsed"),
    state: join(work, "published.json"),
    env: { ...s3.env, NEWS_BRIEF_CLOUDFRONT_ENDPOINT: cloudfront.endpoint },
    logger: { log: () => {}, error: () => {} },
    progress: false,
    now: () => NOW,
    invalidate: DISTRIBUTION,
    invalidateDelayMs: 0,
    ...options,
  });
}

/** The paths and the caller reference of an InvalidationBatch body. */
function batch(body: string) {
  const paths = [...body.matchAll(/<Path>([^<]*)<\/Path>/g)].map((match) => match[1]);
  const quantity = Number(/<Quantity>(\d+)<\/Quantity>/.exec(body)?.[1]);
  const reference = /<CallerReference>([^<]*)<\/CallerReference>/.exec(body)?.[1];
  return { paths, quantity, reference };
}

const manifest = async (): Promise<Manifest> => {
  const answer = await s3.store(prefix).get(MANIFEST_KEY);
  if (answer.status !== 200) throw new Error("nothing published");
  return JSON.parse(answer.text) as Manifest;
};

describe("publish-content --invalidate", () => {
  test("sends one signed CreateInvalidation for the paths a new brief changed", async () => {
    await addBriefs({ alpha: 1, beta: 2, gamma: 3 });
    const first = await publish();
    expect(cloudfront.requests).toHaveLength(1);
    // Nothing was published there before: whatever the CDN holds predates the store.
    expect(batch(cloudfront.requests[0]?.body ?? "")).toEqual({
      paths: ["/*"],
      quantity: 1,
      reference: `news-brief ${first.version} 2024-02-01T12:00:00.000Z`,
    });

    await addBriefs({ delta: 4 });
    const second = await publish();
    expect(cloudfront.requests).toHaveLength(2);
    const request = cloudfront.requests[1];
    expect(request?.method).toBe("POST");
    expect(request?.path).toBe(`/2020-05-31/distribution/${DISTRIBUTION}/invalidation`);
    expect(request?.headers["content-type"]).toBe("text/xml");
    expect(request?.headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=S3RVER\/\d{8}\/us-east-1\/cloudfront\/aws4_request, SignedHeaders=[a-z0-9;-]*host[a-z0-9;-]*, Signature=[0-9a-f]{64}$/,
    );
    expect(request?.headers["x-amz-date"]).toMatch(/^\d{8}T\d{6}Z$/);
    expect(request?.body).toMatch(
      /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<InvalidationBatch xmlns="http:\/\/cloudfront\.amazonaws\.com\/doc\/2020-05-31\/">/,
    );
    const expected = [
      "/",
      "/api/briefs*",
      "/atom.xml",
      "/briefs/delta",
      "/embed/delta",
      "/feed.json",
      "/feed.xml",
      "/oembed*",
      "/tags/cloud",
      "/tags/cloud/atom.xml",
      "/tags/cloud/feed.json",
      "/tags/cloud/feed.xml",
      "/tags/microsoft",
      "/tags/microsoft/atom.xml",
      "/tags/microsoft/feed.json",
      "/tags/microsoft/feed.xml",
    ];
    expect(batch(request?.body ?? "")).toEqual({
      paths: expected,
      quantity: expected.length,
      reference: `news-brief ${second.version} 2024-02-01T12:00:00.000Z`,
    });
    expect(second.invalidated).toEqual(expected);
  });

  test("sends nothing when the content did not change", async () => {
    await addBriefs({ alpha: 1, beta: 2 });
    await publish();
    const again = await publish();
    expect(again.changed).toBe(false);
    expect(again.invalidated).toEqual([]);
    expect(cloudfront.requests).toHaveLength(1);
  });

  test("invalidates a withdrawn brief's pages and the archive pages it leaves", async () => {
    // feedSize 4: archive pages of 2 briefs; 6 briefs make 3 pages of every brief, 1 of Microsoft's.
    await addBriefs({ a1: 1, a2: 2, a3: 3, a4: 4, a5: 5, a6: 6 });
    await publish();
    await rm(join(content, "briefs", "a3.md"));
    await publish();
    const { paths } = batch(cloudfront.requests[1]?.body ?? "");
    expect(paths).toEqual(
      expect.arrayContaining(["/briefs/a3", "/embed/a3", "/oembed*", "/archive/2/feed.xml"]),
    );
    expect(paths).not.toContain("/archive/1/feed.xml");
    expect(paths).not.toContain("/briefs/a2");
    expect(new Set(paths).size).toBe(paths.length);
  });

  test("uses a wildcard for a group of more than 100 paths", async () => {
    await addBriefs({ seed: 1 });
    await publish();
    await addBriefs(
      Object.fromEntries(Array.from({ length: 120 }, (_, i) => [`b${i}`, [2 + (i % 2), Math.floor(i / 2)]])),
    );
    await publish();
    const { paths } = batch(cloudfront.requests[1]?.body ?? "");
    expect(paths).toContain("/briefs/*");
    expect(paths).toContain("/embed/*");
    expect(paths.filter((path) => path?.includes("*")).length).toBeLessThanOrEqual(15);
    expect(paths.length).toBeLessThan(300);
  });
});

describe("main --invalidate", () => {
  let out: string[];
  let err: string[];
  const logger = {
    log: (line: unknown) => out.push(String(line)),
    error: (line: unknown) => err.push(String(line)),
  };
  let cwd: string;
  const target = () => `s3://${s3.bucket}/${prefix}`;

  beforeEach(() => {
    out = [];
    err = [];
    for (const [name, value] of Object.entries(s3.env)) vi.stubEnv(name, value);
    vi.stubEnv("AWS_SESSION_TOKEN", "");
    vi.stubEnv("NEWS_BRIEF_CLOUDFRONT_ENDPOINT", cloudfront.endpoint);
    vi.stubEnv("NEWS_BRIEF_CONTENT_TTL", "0");
    cwd = process.cwd();
    process.chdir(work);
  });

  afterEach(() => {
    process.chdir(cwd);
  });

  test("prints how many paths it invalidated", async () => {
    await addBriefs({ alpha: 1 });
    expect(await main([target(), "--content", content, "--invalidate", DISTRIBUTION], logger)).toBe(0);
    expect(err).toEqual([]);
    expect(out).toEqual([expect.stringMatching(/^published version [0-9a-f]{16}: .*, 1 path invalidated$/)]);
    expect(batch(cloudfront.requests[0]?.body ?? "").reference).toMatch(
      /^news-brief [0-9a-f]{16} \d{4}-\d\d-\d\dT/,
    );
  });

  test("takes the distribution from NEWS_BRIEF_CLOUDFRONT_DISTRIBUTION", async () => {
    vi.stubEnv("NEWS_BRIEF_CLOUDFRONT_DISTRIBUTION", DISTRIBUTION);
    await addBriefs({ alpha: 1 });
    expect(await main([target(), "--content", content], logger)).toBe(0);
    expect(cloudfront.requests.map((request) => request.path)).toEqual([
      `/2020-05-31/distribution/${DISTRIBUTION}/invalidation`,
    ]);
  });

  test.each([
    [403, "AccessDenied", "User is not authorized to perform: cloudfront:CreateInvalidation"],
    [503, "ServiceUnavailable", "Please try again"],
  ])(
    "exits 1 after publishing when CloudFront answers %i, saying how to invalidate by hand",
    async (status, code, message) => {
      const refusing = await startStubCloudFront();
      vi.stubEnv("NEWS_BRIEF_CLOUDFRONT_ENDPOINT", refusing.endpoint);
      refusing.fail(status, code, message);
      try {
        await addBriefs({ alpha: 1 });
        expect(await main([target(), "--content", content, "--invalidate", DISTRIBUTION], logger)).toBe(1);
        expect(refusing.requests).toHaveLength(1);
        // The content is live all the same: the manifest names the version the summary line printed.
        const { version } = await manifest();
        expect(out).toEqual([expect.stringMatching(new RegExp(`^published version ${version}: `))]);
        expect(out[0]).not.toContain("invalidated");
        expect(err).toEqual([
          `Invalidation failed: CloudFront answered ${status} (${code}: ${message}). The content is published; the CDN serves the old answers until they expire (s-maxage, 10 minutes). To refresh them now: aws cloudfront create-invalidation --distribution-id ${DISTRIBUTION} --paths '/*'`,
        ]);
      } finally {
        await refusing.close();
      }
    },
  );

  test("exits 2 before publishing on a distribution id that cannot be one", async () => {
    await addBriefs({ alpha: 1 });
    expect(await main([target(), "--content", content, "--invalidate", "https://x"], logger)).toBe(2);
    expect(err[0]).toMatch(/^--invalidate takes a CloudFront distribution id .*; got "https:\/\/x"\n/);
    expect(await s3.store(prefix).get(MANIFEST_KEY)).toEqual({ status: 404 });
  });
});

// A real S3-compatible bucket (s3rver on loopback) holding a published store unlike the bundled one, so that a
// host serving its brief shows it honours NEWS_BRIEF_CONTENT=s3://…
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { publishContent } from "../../../infra/publish-content.js";
import { type S3Server, startS3Server } from "../../support/s3-server.js";
import { siteYml } from "../../support/site-yml.js";
import type { HostUnderTest } from "./host-under-test.js";

/** The one brief in the bucket: its id and title appear nowhere in the bundled store. */
export const BUCKET_BRIEF = { id: "brief-du-seau", title: "Un brief lu dans le seau S3" };

const SITE_YML = siteYml({ title: "Briefs du seau", description: "Des briefs publiés dans un seau." });

const BRIEF_MD = `---
title: ${BUCKET_BRIEF.title}
lead: Ce brief vient du seau, pas du bundle.
published: 2024-01-15T09:00:00+01:00
tags: [Cloud]
source:
  name: Clubic
---

- **Premier point.** Le contenu est lu dans le seau.
- **Second point.** Le bundle n'en sait rien.
`;

/** Publishes the one-brief site under `prefix` with publish-content's code; returns the variables pointing at it. */
export async function publishToBucket(s3: S3Server, prefix: string): Promise<Record<string, string>> {
  const work = await mkdtemp(join(tmpdir(), "news-brief-host-bucket-"));
  try {
    await mkdir(join(work, "content/briefs"), { recursive: true });
    await writeFile(join(work, "content/site.yml"), SITE_YML);
    await writeFile(join(work, `content/briefs/${BUCKET_BRIEF.id}.md`), BRIEF_MD);
    await publishContent(s3.store(prefix), {
      content: join(work, "content"),
      cacheDir: join(work, "parsed"),
      state: join(work, "published.json"),
      env: {},
      logger: { log: () => {}, error: () => {} },
      progress: false,
    });
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  return { ...s3.env, NEWS_BRIEF_CONTENT: `s3://${s3.bucket}/${prefix}` };
}

/** A bucket with a published store, the variables that point a host at it, and how to close it. */
export interface PublishedBucket {
  s3: S3Server;
  env: Record<string, string>;
  close(): Promise<void>;
}

/** Starts s3rver and publishes the one-brief site under `prefix`. */
export async function startPublishedBucket(prefix = "hosts"): Promise<PublishedBucket> {
  const s3 = await startS3Server();
  try {
    return { s3, env: await publishToBucket(s3, prefix), close: () => s3.close() };
  } catch (error) {
    await s3.close();
    throw error;
  }
}

/** Registers the check that a host started with the bucket's variables serves the bucket's brief, not the bundled one. */
export function servesThePublishedBucket(
  start: (env: Record<string, string>) => Promise<HostUnderTest>,
): void {
  describe("NEWS_BRIEF_CONTENT=s3://…", () => {
    let bucket: PublishedBucket;
    beforeAll(async () => {
      bucket = await startPublishedBucket();
    }, 60_000);
    afterAll(() => bucket?.close());

    test("serves the store published in the bucket, not the bundled one", async () => {
      const host = await start(bucket.env);
      try {
        const answer = await host.request("/feed.json");
        expect(answer.status).toBe(200);
        const feed = JSON.parse(Buffer.from(answer.body).toString("utf8"));
        expect(feed.items.map((item: { title: string }) => item.title)).toEqual([BUCKET_BRIEF.title]);
      } finally {
        await host.stop();
      }
    });
  });
}

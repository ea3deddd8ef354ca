// Bun: `bun server.mjs` over the built dist/hosts/bun/ passes the conformance suite, refuses a bad
// configuration at start-up, and reads a bucket when told to.
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { PROJECT_ROOT } from "../../serverless/support/offline-process.js";
import { CONFORMANCE_ENV, conformance } from "./conformance.js";
import { BUCKET_BRIEF, type PublishedBucket, startPublishedBucket } from "./published-bucket.js";
import { BUN } from "./runtimes.js";
import { spawnHost } from "./spawn-host.js";

const DIR = join(PROJECT_ROOT, "dist/hosts/bun");

/** Bun serving the bundle's default export on the test's PORT, on loopback only. */
function serve(env: Record<string, string>) {
  return spawnHost({ command: BUN, args: ["server.mjs"], cwd: DIR, env: { HOST: "127.0.0.1", ...env } });
}

conformance("Bun", () => serve(CONFORMANCE_ENV));

describe("Bun", () => {
  test("a bad NEWS_BRIEF_CONTENT stops start-up with a message naming the variable", async () => {
    await expect(serve({ NEWS_BRIEF_CONTENT: "ftp://nowhere" })).rejects.toThrow(
      /NEWS_BRIEF_CONTENT must be/,
    );
  });

  describe("NEWS_BRIEF_CONTENT=s3://…", () => {
    let bucket: PublishedBucket;
    beforeAll(async () => {
      bucket = await startPublishedBucket();
    }, 60_000);
    afterAll(() => bucket?.close());

    test("serves the store published in the bucket, not the bundled one", async () => {
      const host = await serve(bucket.env);
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
});

// Cloudflare Workers: the built Worker on workerd, configured by the generated wrangler.jsonc, passes the
// conformance suite; its compatibility flags are what make it load; it reads a bucket when told to.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { supportedCompatibilityDate } from "miniflare";
import { describe, expect, test } from "vitest";
import { parse } from "yaml";
import { PROJECT_ROOT } from "../../serverless/support/offline-process.js";
import { CONFORMANCE_ENV, conformance } from "./conformance.js";
import { CLOUDFLARE_DIR, startWorker, wranglerConfig } from "./miniflare-worker.js";
import { servesThePublishedBucket } from "./published-bucket.js";

/** The first compatibility date on which nodejs_compat includes node:zlib (Node.js compatibility v2). */
const NODE_ZLIB_DATE = "2024-09-23";

conformance("Cloudflare Workers (workerd)", () => startWorker({ vars: CONFORMANCE_ENV }));

describe("Cloudflare Workers: wrangler.jsonc", () => {
  test("names the bundle, uploads it as built, and turns Node.js compatibility on", () => {
    const config = wranglerConfig();
    expect(existsSync(join(CLOUDFLARE_DIR, config.main))).toBe(true);
    expect(config.no_bundle).toBe(true);
    expect(config.compatibility_flags).toContain("nodejs_compat");
    expect(Object.keys(config.vars).sort()).toEqual(["NEWS_BRIEF_CONTENT", "PUBLIC_BASE_URL"]);
  });

  test("pins a compatibility date that the workerd under test supports", () => {
    const { compatibility_date: date } = wranglerConfig();
    expect(date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(date <= supportedCompatibilityDate).toBe(true);
  });

  // The app loads node:crypto and node:zlib only where the runtime has them (functions/http/digest.ts and
  // compression.ts), so a Worker without them still answers, hashing in JavaScript, but never compresses.
  // These two show what the config's flag and date buy: with them, the suite above gets Brotli and gzip.
  test.each([
    ["without nodejs_compat", { compatibilityFlags: [] as string[] }],
    [
      `with a date before ${NODE_ZLIB_DATE}, when nodejs_compat had no node:zlib`,
      { compatibilityDate: "2024-09-22" },
    ],
  ])("%s the Worker answers, with the same ETag, but uncompressed", async (_, settings) => {
    const config = wranglerConfig();
    expect(config.compatibility_flags).toContain("nodejs_compat");
    expect(config.compatibility_date >= NODE_ZLIB_DATE).toBe(true);
    const [degraded, generated] = await Promise.all([
      startWorker({ vars: CONFORMANCE_ENV, ...settings }),
      startWorker({ vars: CONFORMANCE_ENV }),
    ]);
    try {
      const ask = { headers: { "Accept-Encoding": "br, gzip" } };
      const [plain, compressed] = await Promise.all([
        degraded.request("/feed.xml", ask),
        generated.request("/feed.xml", ask),
      ]);
      expect(plain.status).toBe(200);
      expect(plain.headers.get("content-encoding")).toBeNull();
      expect(compressed.headers.get("content-encoding")).toBe("br");
      expect(plain.headers.get("etag")).toBe(compressed.headers.get("etag"));
    } finally {
      await Promise.all([degraded.stop(), generated.stop()]);
    }
  });

  test("with the vars as generated, links use site.yml's base URL", async () => {
    const worker = await startWorker();
    try {
      const feed = JSON.parse(Buffer.from((await worker.request("/feed.json")).body).toString("utf8"));
      const site = parse(readFileSync(join(PROJECT_ROOT, "content/site.yml"), "utf8")) as { baseUrl: string };
      expect(feed.home_page_url).toBe(`${site.baseUrl.replace(/\/+$/, "")}/`);
      expect(feed.items.length).toBeGreaterThan(0);
    } finally {
      await worker.stop();
    }
  });
});

describe("Cloudflare Workers: behind the front line", () => {
  // Cloudflare's front line, not the Worker, speaks to the client: miniflare copies it, so this is as close
  // to production as a test on this machine gets (production itself is described in the README).
  test.each([
    ["gzip", "gzip"],
    ["identity", null],
  ])("a client that accepts only %s gets a body that decodes to the plain feed", async (accept, coding) => {
    const direct = await startWorker({ vars: CONFORMANCE_ENV });
    const front = await startWorker({ vars: CONFORMANCE_ENV, front: true });
    try {
      const plain = await direct.request("/feed.xml", { headers: { "Accept-Encoding": "identity" } });
      const answer = await front.request("/feed.xml", { headers: { "Accept-Encoding": accept } });
      expect(answer.status).toBe(200);
      expect(answer.headers.get("content-encoding")).toBe(coding);
      const body = coding === "gzip" ? gunzipSync(answer.body) : Buffer.from(answer.body);
      expect(body.equals(Buffer.from(plain.body))).toBe(true);
    } finally {
      await Promise.all([direct.stop(), front.stop()]);
    }
  });
});

describe("Cloudflare Workers: configuration", () => {
  test("a bad NEWS_BRIEF_CONTENT answers 500 with a message naming the variable", async () => {
    const worker = await startWorker({ vars: { NEWS_BRIEF_CONTENT: "ftp://nowhere" } });
    try {
      const answer = await worker.request("/feed.xml");
      expect(answer.status).toBe(500);
      expect(answer.headers.get("cache-control")).toBe("no-store");
      expect(Buffer.from(answer.body).toString("utf8")).toMatch(/NEWS_BRIEF_CONTENT must be/);
    } finally {
      await worker.stop();
    }
  });

  servesThePublishedBucket((env) => startWorker({ vars: env }));
});

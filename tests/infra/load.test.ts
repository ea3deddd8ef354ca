// The 10-second version of `npm run load`, on the bundled store and on a bucket of a local S3 server: the real
// server bundle as a child process, the real mix through autocannon. It asserts no error and memory growing by
// at most 10% once warmed up, never a time or a rate (those are for `npm run load` to print).
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { buildLoadSite, type LoadSite, publishLoadSite } from "../../infra/load/load-site.js";
import { loadTable } from "../../infra/load/report.js";
import { MAX_MEMORY_GROWTH, runLoad } from "../../infra/load/run-load.js";
import { startServerProcess } from "../../infra/load/server-process.js";
import { ENCODINGS, loadRequests, trafficMix } from "../../infra/load/traffic-mix.js";
import { main } from "../../infra/load.js";
import { type S3Server, startS3Server } from "../../infra/store/local-s3-server.js";

let work: string;
let site: LoadSite;
let s3: S3Server;
const env: Record<string, Record<string, string>> = { bundled: {} };

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "news-brief-load-"));
  // 300 briefs and the seed's: past the 512 KB a bundle carries, so the bundled store is read from files.
  site = await buildLoadSite(work, 300);
  s3 = await startS3Server();
  env.s3 = await publishLoadSite(site, s3, join(work, "published.json"));
}, 120_000);

afterAll(async () => {
  await s3?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

describe("the mix", () => {
  test("asks for feeds, API and pages, a share of them with the ETag held, in every Accept-Encoding", async () => {
    expect(site).toMatchObject({ briefs: 301, inline: false });
    const server = await startServerProcess(site.server);
    try {
      const mix = await trafficMix(server.url);
      expect(new Set(mix.map((entry) => entry.family))).toEqual(new Set(["feed", "api", "page"]));
      const paths = mix.map((entry) => entry.path);
      expect(paths).toEqual(
        expect.arrayContaining(["/feed.xml", "/atom.xml", "/feed.json", "/", "/api/briefs"]),
      );
      expect(paths.filter((path) => /^\/tags\/[a-z-]+\/feed\.xml$/.test(path))).toHaveLength(1);
      expect(paths.filter((path) => /^\/archive\/\d+\//.test(path))).toHaveLength(1);
      expect(paths.filter((path) => path.includes("cursor=")).length).toBeGreaterThanOrEqual(3);
      expect(paths.filter((path) => /^\/briefs\/[a-z0-9-]+$/.test(path)).length).toBeGreaterThanOrEqual(4);

      const requests = await loadRequests(server.url, mix);
      const encodings = new Set(requests.map((request) => request.headers["accept-encoding"]));
      expect(encodings).toEqual(new Set(ENCODINGS));
      const revalidating = requests.filter((request) => request.headers["if-none-match"]);
      expect(revalidating.length / requests.length).toBeGreaterThan(0.2);
      // Each request of the sequence, sent once: 304 where it holds the ETag, 200 elsewhere.
      for (const request of requests) {
        const response = await fetch(server.url + request.path, { headers: request.headers });
        await response.arrayBuffer();
        expect(response.status, request.path).toBe(request.headers["if-none-match"] ? 304 : 200);
      }
    } finally {
      await server.stop();
    }
  }, 60_000);
});

describe.each(["bundled", "s3"])("10 seconds at 50 connections on the %s store", (store) => {
  test("answers every request with no error, and resident memory grows by at most 10% once warmed up", async () => {
    const result = await runLoad({
      store,
      server: site.server,
      env: env[store],
      duration: 10,
      connections: 50,
    });
    expect(result.errors).toEqual({ status: 0, socket: 0, timeouts: 0, total: 0 });
    expect(Object.keys(result.statuses).sort()).toEqual(["200", "304"]);
    expect(result.requests).toBe((result.statuses["200"] ?? 0) + (result.statuses["304"] ?? 0));
    expect(result.serverLog).toEqual([]);
    expect(result.rss.start).toBeGreaterThan(0);
    expect(result.rss.growth).toBeLessThanOrEqual(MAX_MEMORY_GROWTH);
    expect(result.ok).toBe(true);
    // The figures, for the reader of the test output; a shared test machine makes them indicative only.
    console.log(loadTable([result]));
  }, 200_000);
});

describe("npm run load", () => {
  test.each([
    [["--store", "gcs"], /--store is bundled or s3; got "gcs"/],
    [["--duration", "ten"], /--duration takes a whole number from 1 to 3600; got "ten"/],
    [["--connections", "0"], /--connections takes a whole number from 1 to 1000; got "0"/],
    [["--verbose"], /Unknown option '--verbose'/],
  ])("exits 2 on %j, saying what is wrong", async (args, message) => {
    const errors: string[] = [];
    expect(await main(args, { log: () => {}, error: (line) => errors.push(String(line)) })).toBe(2);
    expect(errors.join("\n")).toMatch(message);
    expect(errors.join("\n")).toContain("usage: npm run load");
  });
});

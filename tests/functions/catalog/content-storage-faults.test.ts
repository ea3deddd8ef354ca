// The whole app reading S3 over HTTP from storage that misbehaves on the wire (an HTML page with 200, a body
// cut off, JSON cut short or of the wrong shape, 500 and 503 answers, no answer at all): a new manifest that
// cannot be read leaves the last good version served, and a document that cannot be read fails only the
// requests that need it, until the storage heals.
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { allSections } from "../../../functions/all-sections.js";
import { createApp } from "../../../functions/app.js";
import { Content } from "../../../functions/catalog/content.js";
import { MANIFEST_KEY } from "../../../functions/catalog/store-layout.js";
import type { LogEntry } from "../../../functions/log/logger.js";
import type { Catalog } from "../../../infra/content/catalog.js";
import { compileInto } from "../../../infra/store/compile-store.js";
import { generatedCatalog } from "../../fixtures/catalog.js";
import { type Fault, type FaultyS3, startFaultyS3 } from "../../support/faulty-s3.js";
import { WIDGET_SCRIPT } from "../../support/test-app.js";

let s3: FaultyS3;

beforeEach(async () => {
  s3 = await startFaultyS3();
});

afterEach(async () => {
  vi.restoreAllMocks();
  await s3.close();
});

/** Writes `catalog`'s documents to the storage, manifest last, as a publish does; returns its version. */
async function publish(catalog: Catalog): Promise<string> {
  const written: Promise<void>[] = [];
  const { manifest } = compileInto(
    catalog,
    ({ key, text }) => void written.push(s3.documents.put(key, text)),
  );
  await Promise.all(written);
  return manifest.version;
}

/** The app over the storage, checking the manifest on every request, and the warnings of its content. */
function serve() {
  const warnings: LogEntry[] = [];
  const content = new Content(s3.store({ timeoutMs: 1000 }), {
    ttlSeconds: 0,
    checkTimeoutMs: 300,
    logger: { log: (entry) => warnings.push(entry) },
  });
  const app = createApp(content, allSections(WIDGET_SCRIPT), { logger: { log() {} } });
  const get = (path: string) => app.request(`http://briefs.example.com${path}`);
  return {
    warnings,
    get,
    /** The ids of /feed.json and of /api/briefs, which must agree. */
    ids: async (): Promise<string[]> => {
      const feed = await get("/feed.json");
      const api = await get("/api/briefs");
      expect([feed.status, api.status]).toEqual([200, 200]);
      const feedIds = ((await feed.json()) as { items: { url: string }[] }).items.map((item) =>
        item.url.replace(/^.*\//, ""),
      );
      const apiIds = ((await api.json()) as { items: { id: string }[] }).items.map((item) => item.id);
      expect(apiIds).toEqual(feedIds);
      return feedIds;
    },
  };
}

/** Every fault, and what the warning or the log line says of it. */
const faults: [Fault, RegExp][] = [
  ["html page with 200", /is not valid JSON/],
  ["truncated JSON", /is not valid JSON/],
  ["body cut off", /could not be reached/],
  ["wrong shape", /is not a news-brief manifest of format 1|is not a brief/],
  ["500", /answered 500 InternalError/],
  ["503 slow down", /answered 503 SlowDown/],
  ["no answer", /did not answer in time/],
];

describe("a new manifest the storage serves badly", () => {
  test.each(faults)(
    "%s: the last good version is served, a warning says why, and the next is picked up once healed",
    async (fault, why) => {
      const good = await publish(generatedCatalog(3));
      const app = serve();
      expect(await app.ids()).toEqual(["brief-0003", "brief-0002", "brief-0001"]);

      const next = await publish(generatedCatalog(4));
      s3.faults.set(MANIFEST_KEY, fault);
      expect(await app.ids()).toEqual(["brief-0003", "brief-0002", "brief-0001"]);
      expect((await app.get("/briefs/brief-0001")).status).toBe(200);
      expect((await app.get("/briefs/brief-0004")).status).toBe(404);
      expect(app.warnings.length).toBeGreaterThan(0);
      for (const warning of app.warnings) {
        expect(warning).toMatchObject({
          level: "warn",
          message: "content store unavailable; serving the last good version",
          store: "s3://briefs/site",
          version: good,
        });
        expect(warning.error).toMatch(why);
        expect(warning.error).toContain(MANIFEST_KEY);
      }

      s3.faults.delete(MANIFEST_KEY);
      expect(await app.ids()).toEqual(["brief-0004", "brief-0003", "brief-0002", "brief-0001"]);
      expect((await app.get("/briefs/brief-0004")).status).toBe(200);
      expect(next).not.toBe(good);
    },
  );
});

describe("a brief document the storage serves badly", () => {
  test.each(faults)(
    "%s: its requests answer 503 with the key logged, the rest is served, and it heals",
    async (fault, why) => {
      await publish(generatedCatalog(3));
      const [key] = await s3.documents.list("briefs/brief-0002.");
      if (!key) throw new Error("no document for brief-0002");
      s3.faults.set(key, fault);
      const lines: LogEntry[] = [];
      vi.spyOn(console, "log").mockImplementation((line: unknown) => {
        lines.push(JSON.parse(String(line)) as LogEntry);
      });
      const app = serve();

      const page = await app.get("/briefs/brief-0002");
      expect(page.status).toBe(503);
      expect(page.headers.get("Retry-After")).toBe("30");
      expect(await page.text()).toContain("Cette page est momentanément indisponible");
      const api = await app.get("/api/briefs/brief-0002");
      expect(api.status).toBe(503);
      expect(await api.json()).toMatchObject({ error: "unavailable" });
      expect((await app.get("/briefs/brief-0001")).status).toBe(200);
      expect(await app.ids()).toEqual(["brief-0003", "brief-0002", "brief-0001"]);

      expect(lines).toHaveLength(2);
      for (const line of lines) {
        expect(line).toMatchObject({ level: "error", path: expect.stringMatching(/brief-0002$/) });
        expect(line.error).toMatch(why);
        expect(line.error).toContain(key);
      }
      expect(app.warnings).toEqual([]);

      s3.faults.delete(key);
      expect((await app.get("/briefs/brief-0002")).status).toBe(200);
      expect((await app.get("/api/briefs/brief-0002")).status).toBe(200);
    },
  );
});

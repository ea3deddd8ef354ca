// The serverless-offline cases, run by offline.test.ts on this Node.js and by offline-node22.test.ts on Lambda's 22:
// serverless.yml, run for real, serves the bundles of dist/ (from `npm run build`) through the HTTP API routes
// it declares, with no AWS credentials.
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT, type RunningOffline, startOffline } from "./offline-process.js";

const SEED = "microsoft-employes-contrats-police";
const BASE_URL = "https://briefs.example.com";

/** process.env without any AWS credential or profile, plus the base URL serverless.yml passes on. */
function offlineEnv(): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith("AWS_")));
  return { ...env, PUBLIC_BASE_URL: BASE_URL };
}

/**
 * Defines the suite `title`: serverless-offline run by the Node.js binary `node` (default this one), whose
 * handlers must report a version matching `version` (default this one's).
 */
export function offlineSuite(title: string, node = process.execPath, version = process.version): void {
  describe(title, () => {
    let offline: RunningOffline | undefined;

    beforeAll(async () => {
      for (const name of ["feeds", "api", "site"]) {
        const bundle = join(PROJECT_ROOT, "dist/functions", name, "index.mjs");
        if (!existsSync(bundle)) throw new Error(`${bundle} is missing; run \`npm run build\` first`);
      }
      offline = await startOffline({ env: offlineEnv(), node });
    }, 60_000);

    afterAll(async () => {
      await offline?.stop();
    });

    function get(path: string, init?: RequestInit): Promise<Response> {
      if (!offline) throw new Error("serverless-offline did not start");
      return fetch(`${offline.url}${path}`, { redirect: "manual", ...init });
    }

    it.each([
      [
        "/feed.xml",
        "application/rss+xml; charset=utf-8",
        /^<\?xml[^>]*\?>(<\?xml-stylesheet [^>]*\?>)?\s*<rss /,
      ],
      [
        "/atom.xml",
        "application/atom+xml; charset=utf-8",
        /^<\?xml[^>]*\?>(<\?xml-stylesheet [^>]*\?>)?\s*<feed /,
      ],
      [
        "/feed.json",
        "application/feed+json; charset=utf-8",
        /^\{\s*"version": "https:\/\/jsonfeed.org\/version\/1.1"/,
      ],
    ])("serves %s as %s", async (path, type, start) => {
      const response = await get(path);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe(type);
      expect(await response.text()).toMatch(start);
    });

    it("serves a brief from the API as JSON open to any origin, linked from PUBLIC_BASE_URL", async () => {
      const response = await get(`/api/briefs/${SEED}`);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toMatch(/^application\/json(;|$)/);
      expect(response.headers.get("access-control-allow-origin")).toBe("*");
      expect(await response.json()).toMatchObject({ id: SEED, url: `${BASE_URL}/briefs/${SEED}` });
    });

    it("answers 400 with a JSON error for limit=abc", async () => {
      const response = await get("/api/briefs?limit=abc");
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: "bad_request" });
    });

    it("serves the front page as HTML", async () => {
      const response = await get("/");
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toMatch(/^text\/html; charset=utf-8$/i);
      expect(await response.text()).toMatch(/^<!doctype html>/i);
    });

    it("serves the widget script as JavaScript", async () => {
      const response = await get("/widget/news-brief.js");
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
      expect(response.headers.get("access-control-allow-origin")).toBe("*");
    });

    it("sends unknown paths to the site function, which answers the app's 404", async () => {
      const response = await get("/no/such/page");
      expect(response.status).toBe(404);
      expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
      expect(await response.text()).toContain("<h1>Cette page n’existe pas</h1>");
    });

    it("sends POST on a feed to the app, which answers 405 with an Allow header", async () => {
      const response = await get("/feed.xml", { method: "POST", body: "x" });
      expect(response.status).toBe(405);
      expect(response.headers.get("allow")).toBe("GET, HEAD");
    });

    it("serves the widget under its versioned name, immutable, and 304 to its weakened ETag", async () => {
      const manifest = JSON.parse(await readFile(join(PROJECT_ROOT, "dist/widget/manifest.json"), "utf8"));
      const response = await get(`/widget/${manifest["news-brief.js"]}`);
      expect(response.status).toBe(200);
      expect(response.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
      const etag = response.headers.get("etag");
      const again = await get(`/widget/${manifest["news-brief.js"]}`, {
        headers: { "If-None-Match": `W/${etag}` },
      });
      expect(again.status).toBe(304);
      expect((await get("/widget/news-brief.0123456789.js")).status).toBe(404);
    });

    it("runs the handlers on the Node.js that runs serverless-offline", async () => {
      await get("/feed.json");
      const reported = [...(offline?.output() ?? "").matchAll(/^handler runtime: (v\S+)$/gm)].map(
        (m) => m[1],
      );
      expect(reported.length).toBeGreaterThan(0);
      expect(reported.filter((reportedVersion) => !reportedVersion?.startsWith(version))).toEqual([]);
    });
  });
}

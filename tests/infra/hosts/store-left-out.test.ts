// Past the most a web-only host's bundle carries, Vercel Edge and Cloudflare get no store inside theirs: they
// answer from NEWS_BRIEF_CONTENT's bucket, and without one say what to set instead of serving nothing.
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, expect, test, vi } from "vitest";
import { buildHosts } from "../../../infra/hosts/build-hosts.js";
import { vercelEdge } from "../../../infra/hosts/vercel-edge/target.js";
import { CONFORMANCE_BASE_URL, CONFORMANCE_ENV } from "../../functions/hosts/conformance.js";
import { PROJECT_ROOT } from "../../serverless/support/offline-process.js";
import { builtWidget } from "./support/built-widget.js";

let out: string;
let warnings: string[] = [];
beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), "news-brief-left-out-"));
  const widget = builtWidget();
  const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
  // A limit of 1,000 bytes stands for the 8 MB: the seed's store is past it.
  await buildHosts(out, join(PROJECT_ROOT, "dist/store"), undefined, widget, [vercelEdge], 1_000);
  warnings = warn.mock.calls.map((call) => String(call[0]));
  warn.mockRestore();
  for (const [name, value] of Object.entries(CONFORMANCE_ENV)) vi.stubEnv(name, value);
}, 60_000);
afterAll(async () => {
  vi.unstubAllEnvs();
  await rm(out, { recursive: true, force: true });
});

const bundle = () => join(out, "hosts/vercel-edge/.vercel/output/functions/index.func/index.js");

test("the build says which hosts carry no store, and their bundle holds no document", () => {
  expect(warnings).toEqual([expect.stringMatching(/^vercel-edge: the store \(\d+ bytes\) is past the 1000/)]);
  const text = readFileSync(bundle(), "utf8");
  expect(text).not.toContain("microsoft-employes-contrats-police");
});

test("without a bucket, each request is a 500 naming what to set, and the log says so", async () => {
  vi.stubEnv("NEWS_BRIEF_CONTENT", "");
  const error = vi.spyOn(console, "error").mockImplementation(() => undefined);
  const module = await import(pathToFileURL(bundle()).href);
  const response: Response = await module.default(new Request(`${CONFORMANCE_BASE_URL}/feed.xml`));
  expect(response.status).toBe(500);
  const text = await response.text();
  expect(text).toMatch(
    /^news-brief cannot start: the content \(1 MB\) is past the 1 MB this host's bundle carries/,
  );
  expect(text).toContain("set NEWS_BRIEF_CONTENT to its bucket");
  expect(error).toHaveBeenCalledWith(expect.stringContaining("NEWS_BRIEF_CONTENT"));
  error.mockRestore();
});

// Past the inline limit, Vercel's Node.js Function and Netlify's function read the store as files deployed
// with them: inside the .func folder on Vercel, and through included_files on Netlify.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { parse } from "smol-toml";
import { afterAll, beforeAll, expect, test, vi } from "vitest";
import { buildHosts } from "../../../infra/hosts/build-hosts.js";
import { netlify } from "../../../infra/hosts/netlify/target.js";
import { vercel } from "../../../infra/hosts/vercel/target.js";
import { CONFORMANCE_BASE_URL, CONFORMANCE_ENV } from "../../functions/hosts/conformance.js";
import { PROJECT_ROOT } from "../../serverless/support/offline-process.js";
import { builtWidget } from "./support/built-widget.js";

let out: string;
beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), "news-brief-hosts-"));
  const widget = builtWidget();
  await buildHosts(out, join(PROJECT_ROOT, "dist/store"), undefined, widget, [vercel, netlify]);
  for (const [name, value] of Object.entries(CONFORMANCE_ENV)) vi.stubEnv(name, value);
}, 60_000);
afterAll(async () => {
  vi.unstubAllEnvs();
  await rm(out, { recursive: true, force: true });
});

async function answer(bundle: string, path: string): Promise<Response> {
  const module = await import(pathToFileURL(bundle).href);
  const handle = module.default.fetch ?? module.default;
  return handle(new Request(`${CONFORMANCE_BASE_URL}${path}`), {});
}

test("Vercel: the store goes inside the Function folder, and the Function reads it there", async () => {
  const func = join(out, "hosts/vercel/.vercel/output/functions/index.func");
  expect(existsSync(join(func, "store/manifest.json"))).toBe(true);
  expect(readdirSync(join(out, "hosts/vercel"))).toEqual([".vercel"]);
  expect(readFileSync(join(func, "index.mjs"), "utf8")).not.toContain('manifest.json":');
  const response = await answer(join(func, "index.mjs"), "/feed.xml");
  expect(response.status).toBe(200);
  expect(await response.text()).toContain("<rss");
});

test("Netlify: netlify.toml ships the store folder with the function, which reads it", async () => {
  const site = join(out, "hosts/netlify");
  expect(parse(readFileSync(join(site, "netlify.toml"), "utf8"))).toMatchObject({
    functions: { directory: "netlify/functions", node_bundler: "none", included_files: ["store/**"] },
  });
  expect(existsSync(join(site, "store/manifest.json"))).toBe(true);
  const response = await answer(join(site, "netlify/functions/news-brief.mjs"), "/api/briefs");
  expect(response.status).toBe(200);
  expect(await response.json()).toHaveProperty("items");
});

// Reads a Build Output API v3 folder the build wrote, and runs a Vercel Function harness on loopback.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "vitest";
import { PROJECT_ROOT } from "../../../serverless/support/offline-process.js";
import { spawnHost } from "../spawn-host.js";

/** dist/hosts/<name>/.vercel/output. */
export function outputDir(name: string): string {
  return join(PROJECT_ROOT, "dist/hosts", name, ".vercel/output");
}

/** Runs `harness` (under tests/functions/hosts/support/) over `file` with Node and tsx, on a free port. */
export function spawnVercel(harness: string, file: string, env: Record<string, string>) {
  return spawnHost({
    command: process.execPath,
    args: ["--import", "tsx", join(PROJECT_ROOT, "tests/functions/hosts/support", harness), file],
    cwd: PROJECT_ROOT,
    env,
  });
}

/**
 * Checks `config.json` as the Build Output API v3 defines it: version 3, and one route, with no `methods`,
 * `status` or `headers`, that sends every path to the Function at /index, whose folder exists.
 */
export function expectRoutesToTheFunction(name: string): void {
  const config = JSON.parse(readFileSync(join(outputDir(name), "config.json"), "utf8"));
  expect(config).toEqual({ version: 3, routes: [{ src: "/.*", dest: "/index" }] });
  const [route] = config.routes;
  // Vercel anchors `src` at both ends and matches it against the path alone.
  const source = new RegExp(`^${route.src}$`);
  for (const path of ["/", "/feed.xml", "/tags/microsoft/feed.xml", "/api/briefs", "/no/such/page"]) {
    expect(source.test(path)).toBe(true);
  }
  expect(existsSync(join(outputDir(name), `functions${route.dest}.func/.vc-config.json`))).toBe(true);
}

/** The Function's `.vc-config.json`. */
export function functionConfig(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(outputDir(name), "functions/index.func/.vc-config.json"), "utf8"));
}

// Reads a Build Output API v3 folder the build wrote, and runs a Vercel Function harness on loopback.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "vitest";
import { PROJECT_ROOT } from "../../../serverless/support/offline-process.js";
import { NotCarriedError } from "../host-under-test.js";
import { spawnHost } from "../spawn-host.js";

/** dist/hosts/<name>/.vercel/output. */
export function outputDir(name: string): string {
  return join(PROJECT_ROOT, "dist/hosts", name, ".vercel/output");
}

/**
 * Runs `harness` (under tests/functions/hosts/support/) over `file` with Node and tsx, on a free port.
 * Two requests are not sent, as each stops the process before the Function is called: TRACE and TRACK, for which
 * Vercel's request conversion (@edge-runtime/node-utils, and edge-runtime's server, which `vercel dev` runs)
 * builds a web Request that throws outside any handler; and, on edge-runtime, a target that is no URL relative
 * to the origin (`//`). The app never sees them; Vercel's own edge is not run here.
 */
export async function spawnVercel(harness: string, file: string, env: Record<string, string>) {
  const host = await spawnHost({
    command: process.execPath,
    args: ["--import", "tsx", join(PROJECT_ROOT, "tests/functions/hosts/support", harness), file],
    cwd: PROJECT_ROOT,
    env,
  });
  const request: typeof host.request = async (path, init) => {
    if (/^TRAC[EK]$/i.test(init?.method ?? ""))
      throw new NotCarriedError(`${init?.method} stops the launcher`);
    if (!URL.canParse(path, host.origin)) throw new NotCarriedError(`${path} stops edge-runtime`);
    return host.request(path, init);
  };
  return { ...host, request };
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

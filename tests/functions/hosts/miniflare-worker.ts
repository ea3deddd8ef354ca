// Runs dist/hosts/cloudflare/ on workerd, Cloudflare's own runtime, through miniflare, as the generated
// wrangler.jsonc configures it: its bundle, compatibility date and flags, and vars (merged with the test's).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Readable } from "node:stream";
import { Miniflare } from "miniflare";
import ts from "typescript";
import { PROJECT_ROOT } from "../../serverless/support/offline-process.js";
import { type HostUnderTest, NotCarriedError, requestOverHttp } from "./host-under-test.js";

/** The build's Cloudflare folder. */
export const CLOUDFLARE_DIR = join(PROJECT_ROOT, "dist/hosts/cloudflare");

/** The fields of wrangler.jsonc the tests read. */
export interface WranglerConfig {
  name: string;
  main: string;
  no_bundle?: boolean;
  compatibility_date: string;
  compatibility_flags: string[];
  vars: Record<string, string>;
}

/** dist/hosts/cloudflare/wrangler.jsonc, parsed as JSON with comments (TypeScript's own tsconfig parser). */
export function wranglerConfig(): WranglerConfig {
  const path = join(CLOUDFLARE_DIR, "wrangler.jsonc");
  const { config, error } = ts.parseConfigFileTextToJson(path, readFileSync(path, "utf8"));
  if (error) throw new Error(`${path}: ${ts.flattenDiagnosticMessageText(error.messageText, "\n")}`);
  return config as WranglerConfig;
}

/** What to change from wrangler.jsonc for one run. */
export interface WorkerOptions {
  vars?: Record<string, string>;
  compatibilityFlags?: string[];
  compatibilityDate?: string;
  /**
   * Through miniflare's copy of Cloudflare's front line, which sets Accept-Encoding to "br, gzip" for the
   * Worker and then re-encodes the answer for the client. Default false: straight to the Worker's own socket,
   * so that the test sees the bytes the Worker sends.
   */
  front?: boolean;
}

/**
 * Starts the Worker on a free loopback port (see `front`). The bundle is handed to workerd as one module, so that an import
 * the runtime lacks fails there, as it would on deploy, and not in miniflare's own module check.
 */
export async function startWorker(
  options: WorkerOptions = {},
): Promise<HostUnderTest & { origin: string; output(): string }> {
  const config = wranglerConfig();
  const script = join(CLOUDFLARE_DIR, config.main);
  let output = "";
  const worker = new Miniflare({
    modules: [{ type: "ESModule", path: script, contents: readFileSync(script, "utf8") }],
    compatibilityDate: options.compatibilityDate ?? config.compatibility_date,
    compatibilityFlags: options.compatibilityFlags ?? config.compatibility_flags,
    bindings: { ...config.vars, ...options.vars },
    host: "127.0.0.1",
    port: 0,
    unsafeDirectSockets: [{ host: "127.0.0.1", port: 0 }],
    handleRuntimeStdio(stdout: Readable, stderr: Readable) {
      stdout.on("data", (chunk: Buffer) => {
        output += chunk;
      });
      stderr.on("data", (chunk: Buffer) => {
        output += chunk;
      });
    },
  });
  let url: URL;
  try {
    url = await worker.ready;
    if (!options.front) url = await worker.unsafeGetDirectURL();
  } catch (error) {
    await worker.dispose().catch(() => {});
    throw new Error(`${(error as Error).message}\n${output}`);
  }
  const origin = url.origin;
  return {
    origin,
    request: async (path, init) => {
      // workerd's own socket, which stands in here for Cloudflare's edge, fails with a 500 of its own on a request
      // target that is not a path ("*", absolute-form); the edge takes those itself and never hands them on.
      if (!path.startsWith("/")) throw new NotCarriedError(`workerd's direct socket cannot read ${path}`);
      return requestOverHttp(origin, path, init);
    },
    stop: () => worker.dispose(),
    output: () => output,
  };
}

// Deno: `deno serve` over the built dist/hosts/deno/, with only the permissions its deno.json grants, passes
// the conformance suite, refuses a bad configuration at start-up, and reads a bucket when told to.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { DENO_PERMISSIONS } from "../../../infra/hosts/deno/target.js";
import { PROJECT_ROOT } from "../../serverless/support/offline-process.js";
import { CONFORMANCE_ENV, conformance } from "./conformance.js";
import { servesThePublishedBucket } from "./published-bucket.js";
import { DENO, DENO_ENV } from "./runtimes.js";
import { spawnHost } from "./spawn-host.js";

const DIR = join(PROJECT_ROOT, "dist/hosts/deno");

/** `deno serve` as deno.json's task runs it, on the test's port and on loopback only. */
function serve(env: Record<string, string>) {
  return spawnHost({
    command: DENO,
    args: ["serve", "--port", "{port}", "--host", "127.0.0.1", ...DENO_PERMISSIONS, "server.mjs"],
    cwd: DIR,
    env: { ...DENO_ENV, ...env },
  });
}

conformance("Deno (deno serve)", () => serve(CONFORMANCE_ENV));

describe("Deno", () => {
  test("deno.json's start task grants the permissions the tests run with", () => {
    const config = JSON.parse(readFileSync(join(DIR, "deno.json"), "utf8"));
    expect(config.tasks.start).toBe(`deno serve ${DENO_PERMISSIONS.join(" ")} server.mjs`);
    expect(DENO_PERMISSIONS).toContain("--allow-read=.");
  });

  test("a bad NEWS_BRIEF_CONTENT stops start-up with a message naming the variable", async () => {
    await expect(serve({ NEWS_BRIEF_CONTENT: "ftp://nowhere" })).rejects.toThrow(
      /NEWS_BRIEF_CONTENT must be/,
    );
  });

  servesThePublishedBucket((env) => serve(env));
});

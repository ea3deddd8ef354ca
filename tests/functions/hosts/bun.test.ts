// Bun: `bun server.mjs` over the built dist/hosts/bun/ passes the conformance suite, refuses a bad
// configuration at start-up, and reads a bucket when told to.
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { PROJECT_ROOT } from "../../serverless/support/offline-process.js";
import { CONFORMANCE_ENV, conformance } from "./conformance.js";
import { servesThePublishedBucket } from "./published-bucket.js";
import { BUN } from "./runtimes.js";
import { spawnHost } from "./spawn-host.js";

const DIR = join(PROJECT_ROOT, "dist/hosts/bun");

/** Bun serving the bundle's default export on the test's PORT, on loopback only. */
function serve(env: Record<string, string>) {
  return spawnHost({ command: BUN, args: ["server.mjs"], cwd: DIR, env: { HOST: "127.0.0.1", ...env } });
}

conformance("Bun", () => serve(CONFORMANCE_ENV));

describe("Bun", () => {
  test("a bad NEWS_BRIEF_CONTENT stops start-up with a message naming the variable", async () => {
    await expect(serve({ NEWS_BRIEF_CONTENT: "ftp://nowhere" })).rejects.toThrow(
      /NEWS_BRIEF_CONTENT must be/,
    );
  });

  servesThePublishedBucket((env) => serve(env));
});

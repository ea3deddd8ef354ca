// APP_VARIABLES lists every variable the app reads, so that a host granting variables by name misses none.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "vitest";
import { APP_VARIABLES } from "../../../functions/hosts/app-variables.js";
import { PROJECT_ROOT } from "../../serverless/support/offline-process.js";

/**
 * Not the app's: where a server entry listens (read by the entries that open a socket themselves), and
 * NODE_ENV, which the Google Cloud entry sets for the framework around it.
 */
const LISTENING = ["HOST", "PORT", "NODE_ENV"];

test("APP_VARIABLES names exactly the variables read under functions/, listening aside", () => {
  const root = join(PROJECT_ROOT, "functions");
  const read = new Set<string>();
  for (const file of readdirSync(root, { recursive: true, encoding: "utf8" })) {
    if (!file.endsWith(".ts")) continue;
    for (const match of readFileSync(join(root, file), "utf8").matchAll(/\benv\??\.([A-Z][A-Z0-9_]+)/g)) {
      if (match[1] && !LISTENING.includes(match[1])) read.add(match[1]);
    }
  }
  expect([...APP_VARIABLES].sort()).toEqual([...read].sort());
});

// The runtimes the host tests run, as their npm packages install them (the real binaries, not Node wrappers).
import { join } from "node:path";
import { PROJECT_ROOT } from "../../serverless/support/offline-process.js";

/** Deno, from the `deno` package (its postinstall links the binary of @deno/<platform>). */
export const DENO = join(PROJECT_ROOT, "node_modules/.bin/deno");

/** Bun, from the `bun` package (its postinstall puts the binary of @oven/bun-<platform> in place). */
export const BUN = join(PROJECT_ROOT, "node_modules/.bin/bun");

/** Deno without its update check or permission prompts: a test must not wait on either. */
export const DENO_ENV = { DENO_NO_UPDATE_CHECK: "1", DENO_NO_PROMPT: "1" };

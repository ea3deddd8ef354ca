// Deno: `deno serve` over one ES module, with a deno.json whose task grants the fewest permissions.
import { APP_VARIABLES } from "../../../functions/hosts/app-variables.js";
import type { HostTarget } from "../host-target.js";

/** The flags `deno serve` needs: loopback and the bucket, the app's variables, and this folder (the store). */
export const DENO_PERMISSIONS = ["--allow-net", `--allow-env=${APP_VARIABLES.join(",")}`, "--allow-read=."];

export const deno: HostTarget = {
  name: "deno",
  entry: "functions/hosts/deno.ts",
  outfile: "server.mjs",
  platform: "node",
  readsFiles: true,
  files: () => ({
    "deno.json": `${JSON.stringify(
      { tasks: { start: `deno serve ${DENO_PERMISSIONS.join(" ")} server.mjs` } },
      null,
      2,
    )}\n`,
  }),
};

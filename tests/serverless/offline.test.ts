// serverless.yml, run for real by serverless-offline on this Node.js (the cases are in support/offline-suite.ts).
import { offlineSuite } from "./support/offline-suite.js";

offlineSuite("serverless-offline");

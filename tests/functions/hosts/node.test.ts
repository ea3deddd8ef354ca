// Plain Node.js (a server or a container): dist/server.mjs, as `npm start` runs it.
import { join } from "node:path";
import { PROJECT_ROOT } from "../../serverless/support/offline-process.js";
import { CONFORMANCE_ENV, conformance } from "./conformance.js";
import { spawnHost } from "./spawn-host.js";

conformance("Node.js (dist/server.mjs)", () =>
  spawnHost({
    command: process.execPath,
    args: [join(PROJECT_ROOT, "dist/server.mjs")],
    env: { ...CONFORMANCE_ENV, HOST: "127.0.0.1" },
  }),
);

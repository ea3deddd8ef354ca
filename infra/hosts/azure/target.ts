// Azure Functions (Node.js v4 model): dist/hosts/azure/ is the function app's folder, as `func` publishes it.
import { readFileSync } from "node:fs";
import type { HostTarget } from "../host-target.js";
import { pinnedVersion } from "../pinned-version.js";

const LIBRARY = "@azure/functions";

export const azure: HostTarget = {
  name: "azure",
  entry: "functions/hosts/azure.ts",
  outfile: "index.mjs",
  platform: "node",
  readsFiles: true,
  // Left to the deployment's `npm install`, as Microsoft's guide for the v4 model has it: the function app's
  // package.json pins the version the tests run.
  esbuild: { external: [LIBRARY], target: "node20" },
  files: () => ({
    // routePrefix "": the host's default puts every HTTP function under /api/, and the app's own /api/briefs
    // would become /api/api/briefs while /feed.xml disappeared.
    "host.json": readFileSync(new URL("host.json", import.meta.url), "utf8"),
    "package.json": `${JSON.stringify(
      {
        name: "news-brief-azure",
        private: true,
        type: "module",
        main: "index.mjs",
        engines: { node: ">=20" },
        dependencies: { [LIBRARY]: pinnedVersion(LIBRARY) },
      },
      null,
      2,
    )}\n`,
  }),
};

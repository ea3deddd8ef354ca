// Google Cloud Run functions: dist/hosts/google-cloud/ is the source folder `gcloud functions deploy` uploads.
import type { HostTarget } from "../host-target.js";
import { pinnedVersion } from "../pinned-version.js";

const FRAMEWORK = "@google-cloud/functions-framework";

export const googleCloud: HostTarget = {
  name: "google-cloud",
  entry: "functions/hosts/google-cloud.ts",
  outfile: "index.mjs",
  platform: "node",
  readsFiles: true,
  // Not bundled: `http()` registers the function in the framework's own registry, so the bundle must import
  // the very copy that serves it. Google's build installs it from package.json and starts that one.
  esbuild: { external: [FRAMEWORK], target: "node22" },
  files: () => ({
    "package.json": `${JSON.stringify(
      {
        name: "news-brief-google-cloud",
        private: true,
        type: "module",
        main: "index.mjs",
        engines: { node: "22" },
        dependencies: { [FRAMEWORK]: pinnedVersion(FRAMEWORK) },
      },
      null,
      2,
    )}\n`,
  }),
};

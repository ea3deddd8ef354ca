// Netlify Functions v2: dist/hosts/netlify/, deployed with `netlify deploy` from that folder.
import type { HostTarget } from "../host-target.js";
import { netlifyToml } from "./netlify-toml.js";

export const netlify: HostTarget = {
  name: "netlify",
  entry: "functions/hosts/netlify.ts",
  outfile: "netlify/functions/news-brief.mjs",
  platform: "node",
  readsFiles: true,
  esbuild: { target: "node22" },
  files: ({ storeInBundle }) => ({
    "netlify.toml": netlifyToml(storeInBundle),
    // The publish folder must exist; the app serves every path, so it holds only this note.
    "public/README.txt": "Files here are served as they are, before the function (preferStatic).\n",
  }),
};

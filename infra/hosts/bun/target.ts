// Bun: one ES module that Bun serves from its default export; it reads the store/ folder past the inline limit.
import type { HostTarget } from "../host-target.js";

export const bun: HostTarget = {
  name: "bun",
  entry: "functions/hosts/bun.ts",
  outfile: "server.mjs",
  platform: "node",
  readsFiles: true,
};

// What the build needs to know about one host: its entry, how esbuild targets it, and its config files.
import type { BuildOptions } from "esbuild";

/** One host's build: `dist/hosts/<name>/` holds its bundle, its config files, and the store when it reads files. */
export interface HostTarget {
  /** Folder name under dist/hosts/ and infra/hosts/. */
  name: string;
  /** The entry module, under functions/hosts/. */
  entry: string;
  /** The bundle's path inside dist/hosts/<name>/. */
  outfile: string;
  /** "node" for hosts with Node's built-in modules; "neutral" or "browser" for web-only runtimes. */
  platform: "node" | "neutral" | "browser";
  /**
   * Whether the host can read files deployed beside the bundle. Past the inline limit such hosts read a
   * store/ folder next to their bundle; the others always carry the store inside the bundle.
   */
  readsFiles: boolean;
  /** Where the store/ folder goes inside dist/hosts/<name>/ for a host that reads files; default "store". */
  storeFolder?: string;
  /** Extra esbuild options (conditions, externals, aliases, banner). */
  esbuild?: Pick<BuildOptions, "conditions" | "external" | "alias" | "banner" | "mainFields" | "target">;
  /**
   * Config files written next to the bundle: path inside dist/hosts/<name>/ → text. `storeInBundle` says
   * whether the store travels inside the bundle or in the store folder beside it.
   */
  files?(build: { storeInBundle: boolean }): Record<string, string>;
}

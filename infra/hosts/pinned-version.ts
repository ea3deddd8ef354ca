// The exact version of a package as the project pins it, for deployment manifests that install it again.
import { readFileSync } from "node:fs";

const manifest = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
};

/** The version package.json pins `name` to (exact, as every pin here is). Throws if it is not a dependency. */
export function pinnedVersion(name: string): string {
  const version = manifest.dependencies?.[name] ?? manifest.devDependencies?.[name];
  if (!version) throw new Error(`${name} is not in package.json; a host's manifest cannot pin it`);
  return version;
}

// The production dependencies stay few and pinned: exact versions in package.json, the same in the lock file,
// and the README's table listing exactly those packages at those versions, each with its reason.
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";

const manifest = JSON.parse(readFileSync("package.json", "utf8")) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  optionalDependencies: Record<string, string>;
  overrides: Record<string, string>;
};
const lock = JSON.parse(readFileSync("package-lock.json", "utf8")) as {
  packages: Record<string, { version?: string; dev?: boolean; dependencies?: Record<string, string> }>;
};
const readme = readFileSync("README.md", "utf8");

/** An exact semantic version: no range, tag or URL. */
const EXACT = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/;

/** The rows of the README's table of production dependencies, the one headed "| Package | Version |". */
function readmeTable(): { name: string; version: string; what: string; why: string }[] {
  const start = readme.indexOf("| Package | Version |");
  expect(start, "the README has a table headed | Package | Version |").toBeGreaterThan(0);
  const rows = readme.slice(start).split("\n");
  const body = rows.slice(
    2,
    rows.findIndex((row, index) => index > 1 && !row.startsWith("|")),
  );
  return body.map((row) => {
    const [name = "", version = "", what = "", why = ""] = row
      .slice(1, -1)
      .split(" | ")
      .map((cell) => cell.trim());
    return { name: name.replace(/^`|`$/g, ""), version, what, why };
  });
}

describe("package.json", () => {
  test.each(["dependencies", "devDependencies", "optionalDependencies"] as const)(
    "pins every one of its %s to an exact version",
    (group) => {
      const loose = Object.entries(manifest[group]).filter(([, version]) => !EXACT.test(version));
      expect(loose).toEqual([]);
    },
  );

  test("pins every override to an exact version", () => {
    for (const [name, spec] of Object.entries(manifest.overrides)) {
      expect(spec, name).toMatch(/^npm:[^@]+@\d+\.\d+\.\d+$/);
    }
  });

  test("has the same production dependencies in the lock file, installed as production packages", () => {
    expect(lock.packages[""]?.dependencies).toEqual(manifest.dependencies);
    for (const [name, version] of Object.entries(manifest.dependencies)) {
      const locked = lock.packages[`node_modules/${name}`];
      expect({ name, version: locked?.version, dev: locked?.dev ?? false }).toEqual({
        name,
        version,
        dev: false,
      });
    }
  });
});

describe("the README's table of dependencies", () => {
  test("lists exactly the production dependencies, at their versions", () => {
    const listed = Object.fromEntries(readmeTable().map((row) => [row.name, row.version]));
    expect(listed).toEqual(manifest.dependencies);
  });

  test("says for each what it does and why it is not written by hand", () => {
    for (const row of readmeTable()) {
      expect(row.what.length, row.name).toBeGreaterThan(20);
      expect(row.why.length, row.name).toBeGreaterThan(20);
    }
  });
});

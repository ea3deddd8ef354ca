// The Custom Elements Manifest of the widget (custom-elements.json), for editors, docs and type tools.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { create, litPlugin, ts } from "./custom-elements-analyzer.js";

interface Declaration {
  attributes?: { name: string }[];
  members?: { name: string; privacy?: string }[];
  events?: { name?: string; description?: string }[];
}

/**
 * The analyser lists Lit's internal state (`_status`) as attributes, and every `dispatchEvent` call as an
 * event; the public API is what the class JSDoc documents, so only that is kept.
 */
const publicApiOnly = {
  name: "news-brief-public-api",
  packageLinkPhase({
    customElementsManifest,
  }: {
    customElementsManifest: { modules: { declarations?: Declaration[] }[] };
  }) {
    for (const declaration of customElementsManifest.modules.flatMap((module) => module.declarations ?? [])) {
      declaration.attributes = declaration.attributes?.filter((attribute) => !attribute.name.startsWith("_"));
      declaration.members = declaration.members?.filter(
        (member) => !member.name.startsWith("_") && member.privacy !== "private",
      );
      declaration.events = declaration.events?.filter((event) => event.name && event.description);
    }
  },
};

/** Analyses every module of `dir` (default widget/) and returns the manifest as JSON text. */
export async function customElementsManifest(dir = "widget"): Promise<string> {
  const names = (await readdir(dir)).filter((name) => name.endsWith(".ts") && !name.endsWith(".d.ts")).sort();
  const modules = await Promise.all(
    names.map(async (name) => {
      const path = join(dir, name);
      return ts.createSourceFile(path, await readFile(path, "utf8"), ts.ScriptTarget.ES2022, true);
    }),
  );
  const manifest = create({ modules, plugins: [...litPlugin(), publicApiOnly], context: { dev: false } });
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

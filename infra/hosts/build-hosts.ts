// Writes dist/hosts/<name>/ for every host: its bundle, its config files, and the store when it reads files.
import { link, mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
import type { WidgetScript } from "../../functions/routes/widget-script.js";
import { bundleHost } from "../bundle.js";
import type { HostTarget } from "./host-target.js";
import { HOSTS } from "./index.js";

/**
 * Builds each host into `outdir`/hosts. `inline` holds the store's documents when they are small enough to
 * travel inside a bundle; past that, hosts with a file system get `storeDir` linked beside their bundle
 * (hard links: no copy), and the others still carry every document inside theirs.
 */
export async function buildHosts(
  outdir: string,
  storeDir: string,
  inline: Record<string, string> | undefined,
  widgetScript: WidgetScript,
  hosts: HostTarget[] = HOSTS,
): Promise<void> {
  let everything: Promise<Record<string, string>> | undefined;
  const allDocuments = () => {
    everything ??= readDocuments(storeDir);
    return everything;
  };
  await Promise.all(
    hosts.map(async (target) => {
      const dir = join(outdir, "hosts", target.name);
      let documents = inline;
      if (!documents && !target.readsFiles) documents = await allDocuments();
      if (!documents) await linkTree(storeDir, join(dir, target.storeFolder ?? "store"));
      await bundleHost(target, dir, documents, widgetScript);
      const files = target.files?.({ storeInBundle: documents !== undefined }) ?? {};
      for (const [path, text] of Object.entries(files)) {
        await mkdir(dirname(join(dir, path)), { recursive: true });
        await writeFile(join(dir, path), text);
      }
    }),
  );
}

async function files(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

async function readDocuments(root: string): Promise<Record<string, string>> {
  const documents: Record<string, string> = {};
  for (const file of await files(root)) documents[relative(root, file)] = await readFile(file, "utf8");
  return documents;
}

async function linkTree(from: string, to: string): Promise<void> {
  for (const file of await files(from)) {
    const target = join(to, relative(from, file));
    await mkdir(dirname(target), { recursive: true });
    await link(file, target);
  }
}

// Writes dist/hosts/<name>/ for every host: its bundle, its config files, and the store when it reads files.
import { link, mkdir, readdir, readFile, stat, writeFile } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
import type { WidgetScript } from "../../functions/routes/widget-script.js";
import { bundleHost, isLeftOut, type StoreLeftOut } from "../bundle.js";
import type { HostTarget } from "./host-target.js";
import { HOSTS } from "./index.js";

/**
 * Builds each host into `outdir`/hosts. `inline` holds the store's documents when they are small enough to
 * travel inside a bundle; past that, hosts with a file system get `storeDir` linked beside their bundle
 * (hard links: no copy), and the others carry every document inside theirs up to `carryLimit` bytes. Past it
 * they carry none and read NEWS_BRIEF_CONTENT's bucket only: no platform takes such a bundle (Cloudflare Workers
 * allow 10 MB compressed, Vercel Edge Functions 4 MB), and bundling the 100,000 briefs' store kept esbuild busy
 * for minutes at 2.5 GB for nothing.
 */
export async function buildHosts(
  outdir: string,
  storeDir: string,
  inline: Record<string, string> | undefined,
  widgetScript: WidgetScript,
  hosts: HostTarget[] = HOSTS,
  carryLimit = CARRY_LIMIT,
): Promise<void> {
  let everything: Promise<Record<string, string> | StoreLeftOut> | undefined;
  const allDocuments = () => {
    everything ??= carried(storeDir, carryLimit).then((store) => {
      if (!isLeftOut(store)) return store;
      const webOnly = hosts.filter((host) => !host.readsFiles).map((host) => host.name);
      console.warn(
        `${webOnly.join(", ")}: the store (${store.bytes} bytes) is past the ${carryLimit} their bundles carry; ` +
          "they read the bucket NEWS_BRIEF_CONTENT names",
      );
      return store;
    });
    return everything;
  };
  await Promise.all(
    hosts.map(async (target) => {
      const dir = join(outdir, "hosts", target.name);
      let documents: Record<string, string> | StoreLeftOut | undefined = inline;
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

/**
 * The most store a web-only host's bundle carries: 64 MB, some 20,000 briefs (1,000 make 3.1 MB), whose JSON
 * compresses to about the 10 MB a paid Worker may upload.
 */
export const CARRY_LIMIT = 64 * 1024 * 1024;

/** Every document under `root` by its path, or StoreLeftOut when they weigh more than `limit` bytes (then none is read). */
async function carried(root: string, limit: number): Promise<Record<string, string> | StoreLeftOut> {
  const all = await files(root);
  let bytes = 0;
  for (const file of all) bytes += (await stat(file)).size;
  if (bytes > limit) return { bytes, limit };
  const documents: Record<string, string> = {};
  for (const file of all) documents[relative(root, file)] = await readFile(file, "utf8");
  return documents;
}

async function files(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

async function linkTree(from: string, to: string): Promise<void> {
  for (const file of await files(from)) {
    const target = join(to, relative(from, file));
    await mkdir(dirname(target), { recursive: true });
    await link(file, target);
  }
}

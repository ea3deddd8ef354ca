// `npm run build`: validates content/, then writes dist/ (content store, widget, functions) all at once or not at all.
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { Content } from "../functions/catalog/content.js";
import { publicBaseUrl } from "../functions/public-base-url.js";
import { FileStore } from "../functions/store/file-store.js";
import { bundleFunctions, bundleWidget, INLINE_STORE_LIMIT, widgetFileName } from "./bundle.js";
import { ContentError, loadCatalog } from "./content/load.js";
import { customElementsManifest } from "./custom-elements.js";
import { buildHosts } from "./hosts/build-hosts.js";
import { feedManifest } from "./store/feed-manifest.js";
import { writeStoreFiles } from "./store/store-files.js";

/** What a build made, for its summary line. */
export interface BuildResult {
  briefs: number;
  version: string;
  documents: number;
  bytes: number;
  /** Whether the function bundles carry the store themselves, or read dist/store. */
  inline: boolean;
}

/**
 * Builds into `outdir` (default dist). Throws ContentError, naming every bad file and field, before writing.
 * `env` supplies PUBLIC_BASE_URL for the feed manifest's URLs.
 */
export async function buildAll(
  contentDir = "content",
  outdir = "dist",
  env = process.env,
  /** Where parsed briefs are cached by file hash; none by default. */
  cacheDir?: string,
): Promise<BuildResult> {
  const catalog = await loadCatalog(contentDir, { cacheDir });
  const next = `${outdir}.next`;
  await rm(next, { recursive: true, force: true });
  const store = writeStoreFiles(catalog, join(next, "store"), INLINE_STORE_LIMIT);
  const widgetText = await bundleWidget();
  const widgetScript = { text: widgetText, file: widgetFileName(widgetText) };
  // The name partners paste, the versioned one the pages use, and which is which for other tools.
  await write(join(next, "widget/news-brief.js"), widgetScript.text);
  await write(join(next, "widget", widgetScript.file), widgetScript.text);
  await write(
    join(next, "widget/manifest.json"),
    `${JSON.stringify({ "news-brief.js": widgetScript.file })}\n`,
  );
  await write(join(next, "widget/custom-elements.json"), await customElementsManifest());
  // The public base URL is the deployment's (PUBLIC_BASE_URL), as the functions will see it.
  const snapshot = await new Content(new FileStore(join(next, "store"))).snapshot();
  const feeds = await feedManifest(snapshot, publicBaseUrl(env));
  await write(join(next, "feeds.json"), `${JSON.stringify(feeds, null, 2)}\n`);
  await bundleFunctions(next, store.inline, widgetScript);
  await buildHosts(next, join(next, "store"), store.inline, widgetScript);
  // Swap only once everything is written, so a failed build never leaves half an output behind.
  await rm(outdir, { recursive: true, force: true });
  await rename(next, outdir);
  return {
    briefs: catalog.briefs.length,
    version: store.manifest.version,
    documents: store.count,
    bytes: store.bytes,
    inline: store.inline !== undefined,
  };
}

async function write(file: string, text: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, text);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  try {
    const { values } = parseArgs({ options: { content: { type: "string" }, out: { type: "string" } } });
    const out = values.out ?? "dist";
    const result = await buildAll(values.content ?? "content", out, process.env, ".news-brief/parsed");
    console.log(
      `built ${out}/: content version ${result.version} (${result.briefs} briefs, ${result.documents} documents, ${result.bytes} bytes, ${result.inline ? "inside the bundles" : "read from dist/store"}), feeds.json, widget/{news-brief.js,news-brief.<hash>.js,manifest.json,custom-elements.json}, functions/{feeds,api,site}/index.mjs, server.mjs`,
    );
  } catch (error) {
    console.error(error instanceof ContentError ? `Build failed: ${error.message}` : error);
    process.exitCode = 1;
  }
}

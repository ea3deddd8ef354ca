// `npm run build`: validates content/, then writes dist/ (catalog, widget, functions) all at once or not at all.
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { feedManifest } from "../functions/feeds/feed-manifest.js";
import { publicBaseUrl } from "../functions/public-base-url.js";
import { bundleFunctions, bundleWidget } from "./bundle.js";
import { ContentError, loadCatalog } from "./content/load.js";
import { customElementsManifest } from "./custom-elements.js";

/**
 * Builds into `outdir` (default dist). Throws ContentError, naming every bad file and field, before writing.
 * `env` supplies PUBLIC_BASE_URL for the feed manifest's URLs.
 */
export async function buildAll(contentDir = "content", outdir = "dist", env = process.env): Promise<void> {
  const catalog = await loadCatalog(contentDir);
  const next = `${outdir}.next`;
  await rm(next, { recursive: true, force: true });
  const widgetScript = await bundleWidget();
  await write(join(next, "catalog.json"), `${JSON.stringify(catalog, null, 2)}\n`);
  await write(join(next, "widget/news-brief.js"), widgetScript);
  await write(join(next, "widget/custom-elements.json"), await customElementsManifest());
  // The public base URL is the deployment's (PUBLIC_BASE_URL), as the functions will see it.
  const manifest = feedManifest(catalog, publicBaseUrl(env, catalog.site.baseUrl));
  await write(join(next, "feeds.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  await bundleFunctions(next, catalog, widgetScript);
  // Swap only once everything is written, so a failed build never leaves half an output behind.
  await rm(outdir, { recursive: true, force: true });
  await rename(next, outdir);
}

async function write(file: string, text: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, text);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    await buildAll();
    console.log(
      "built dist/: catalog.json, feeds.json, widget/{news-brief.js,custom-elements.json}, functions/{feeds,api,site}/index.mjs, server.mjs",
    );
  } catch (error) {
    console.error(error instanceof ContentError ? `Build failed: ${error.message}` : error);
    process.exitCode = 1;
  }
}

// esbuild settings for every bundle the project ships: the widget and one file per function.
import { build, type Plugin } from "esbuild";
import type { Catalog } from "./content/catalog.js";

/** Browsers the widget supports: those with native custom elements, shadow DOM and ES2021. */
export const WIDGET_TARGET = ["chrome100", "firefox100", "safari15.4", "edge100"];

/** Bundles the `<news-brief>` element, Lit included, into one minified ES module and returns its text. */
export async function bundleWidget(entry = "widget/index.ts"): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: "esm",
    minify: true,
    target: WIDGET_TARGET,
    // Lit ships its dev build behind the "development" export condition; leaving it out keeps the warnings and checks out.
    conditions: ["production"],
    define: { "process.env.NODE_ENV": '"production"' },
    legalComments: "none",
    write: false,
    logLevel: "silent",
  });
  const [file] = result.outputFiles;
  if (!file) throw new Error(`esbuild wrote nothing for ${entry}`);
  return file.text;
}

/** The function bundles: entry file → output path under the output folder. */
export const FUNCTION_ENTRIES: Record<string, string> = {
  "functions/lambda/feeds.ts": "functions/feeds/index.mjs",
  "functions/lambda/api.ts": "functions/api/index.mjs",
  "functions/lambda/site.ts": "functions/site/index.mjs",
  "functions/server.ts": "server.mjs",
};

/** Bundles every function for Node.js 20 and 22 (ESM, minified), with the content and widget built in. */
export async function bundleFunctions(outdir: string, catalog: Catalog, widgetScript: string): Promise<void> {
  await Promise.all(
    Object.entries(FUNCTION_ENTRIES).map(([entry, output]) =>
      build({
        entryPoints: [entry],
        outfile: `${outdir}/${output}`,
        bundle: true,
        platform: "node",
        format: "esm",
        target: "node20",
        minify: true,
        legalComments: "none",
        logLevel: "warning",
        plugins: [buildOutputModules(catalog, widgetScript)],
      }),
    ),
  );
}

/** Resolves `news-brief:catalog` and `news-brief:widget-script` (declared in functions/build-output.d.ts). */
function buildOutputModules(catalog: Catalog, widgetScript: string): Plugin {
  const modules: Record<string, string> = {
    "news-brief:catalog": `export const catalog = ${JSON.stringify(catalog)};`,
    "news-brief:widget-script": `export const widgetScript = ${JSON.stringify(widgetScript)};`,
  };
  return {
    name: "news-brief-build-output",
    setup(build) {
      build.onResolve({ filter: /^news-brief:/ }, (args) => ({ path: args.path, namespace: "news-brief" }));
      build.onLoad({ filter: /.*/, namespace: "news-brief" }, (args) => ({
        contents: modules[args.path],
        loader: "js",
      }));
    },
  };
}

// esbuild settings for every bundle the project ships: the widget and one file per function.
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build, type Plugin } from "esbuild";
import { minify } from "terser";
import type { WidgetScript } from "../functions/routes/widget-script.js";
import type { HostTarget } from "./hosts/host-target.js";

/** Browsers the widget supports: those with native custom elements, shadow DOM and ES2021. */
export const WIDGET_TARGET = ["chrome100", "firefox100", "safari15.4", "edge100"];

/**
 * Bundles the `<news-brief>` element, Lit included, into one minified ES module and returns its text. Terser
 * after esbuild (two compress passes, unused parameters dropped) takes 131 B off the gzip (-9) size, Lit's share
 * included: 117 B for the passes at 8,643 B, 14 more for the parameters at 8,320 B.
 */
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
    plugins: [withoutLitHooks],
    write: false,
    logLevel: "silent",
  });
  const [file] = result.outputFiles;
  if (!file) throw new Error(`esbuild wrote nothing for ${entry}`);
  const { code } = await minify(file.text, {
    module: true,
    ecma: 2020,
    compress: { passes: 2, keep_fargs: false },
    format: { comments: false },
  });
  if (code === undefined) throw new Error(`terser wrote nothing for ${entry}`);
  return code;
}

/**
 * What Lit's production build does that this widget never needs: each module pushes its version onto a global
 * (`litHtmlVersions`…), which only Lit's development build reads, and calls hooks that
 * `@webcomponents/polyfill-support` installs for browsers without native shadow DOM (none in WIDGET_TARGET)
 * and `@lit-labs/ssr-client` for server-rendered elements (this one never is). Cut out, they weigh 142 B less
 * gzipped (-9), measured at 8,290 B. Each pattern must match, so a Lit release that changes them fails here.
 */
const LIT_HOOKS: Record<string, [RegExp, string][]> = {
  "@lit/reactive-element/reactive-element.js": [
    [/\(\w+\.reactiveElementVersions\?\?=\[\]\)\.push\("[\d.]+"\)/, "0"],
    [/(\w+)=\w+\.reactiveElementPolyfillSupport\b/, "$1=void 0"],
  ],
  "lit-html/lit-html.js": [
    [/\(\w+\.litHtmlVersions\?\?=\[\]\)\.push\("[\d.]+"\)/, "0"],
    [/(\w+)=\w+\.litHtmlPolyfillSupport\b/, "$1=void 0"],
  ],
  "lit-element/lit-element.js": [
    [/\(\w+\.litElementVersions\?\?=\[\]\)\.push\("[\d.]+"\)/, "0"],
    [/(\w+)=\w+\.litElementPolyfillSupport\b/, "$1=void 0"],
    [/\w+\.litElementHydrateSupport\?\.\(\{LitElement:\w+\}\)/, "0"],
  ],
};

/** Loads Lit's three core modules without {@link LIT_HOOKS}. */
const withoutLitHooks: Plugin = {
  name: "without-lit-hooks",
  setup(build) {
    build.onLoad({ filter: /[\\/]node_modules[\\/](@lit[\\/])?[\w-]+[\\/][\w-]+\.js$/ }, async ({ path }) => {
      const module = Object.keys(LIT_HOOKS).find((name) =>
        path.replaceAll("\\", "/").endsWith(`/node_modules/${name}`),
      );
      if (!module) return undefined;
      let text = await readFile(path, "utf8");
      for (const [pattern, replacement] of LIT_HOOKS[module] ?? []) {
        if (!pattern.test(text)) throw new Error(`${module} no longer matches ${pattern}: update LIT_HOOKS`);
        text = text.replace(pattern, replacement);
      }
      return { contents: text, loader: "js" };
    });
  },
};

/** `news-brief.<hash>.js`: 10 hex digits (40 bits) of the SHA-256 of `text`, so the name changes exactly when it does. */
export function widgetFileName(text: string): string {
  return `news-brief.${createHash("sha256").update(text).digest("hex").slice(0, 10)}.js`;
}

/** The function bundles: entry file → output path under the output folder. */
export const FUNCTION_ENTRIES: Record<string, string> = {
  "functions/lambda/feeds.ts": "functions/feeds/index.mjs",
  "functions/lambda/api.ts": "functions/api/index.mjs",
  "functions/lambda/site.ts": "functions/site/index.mjs",
  "functions/server.ts": "server.mjs",
};

/**
 * Stores up to this size travel inside each function bundle; larger ones are read from dist/store on demand.
 * Measured here (import plus first /feed.xml of the feeds bundle, median of 7): a 0.86 MB store (100 briefs)
 * took 108 ms inside the bundle against 125 ms as files; a 3.1 MB one (1,000 briefs) 294 ms against 95 ms.
 * Parsing grows with the bundle while reading three files does not, so the line sits below the crossover.
 */
export const INLINE_STORE_LIMIT = 512 * 1024;

/**
 * Bundles every function for Node.js 20 and 22 (ESM, minified), with the widget built in, and the content
 * store too when `inline` holds its documents (else each bundle reads the store folder beside it).
 */
export async function bundleFunctions(
  outdir: string,
  inline: Record<string, string> | undefined,
  widgetScript: WidgetScript,
): Promise<void> {
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
        plugins: [
          buildOutputModules(
            storeModule(inline, relative(resolve(outdir, output, ".."), resolve(outdir, "store"))),
            widgetScript,
          ),
          xmlWriterOnly,
        ],
      }),
    ),
  );
}

/**
 * The `feed` package imports all of xml-js and calls only its writer, `js2xml`; the rest (the sax parser and
 * three converters) is 27 kB of the feeds bundle's 133 kB that every cold start compiled and ran for nothing.
 * The same goes for every host's bundle.
 */
const xmlWriterOnly: Plugin = {
  name: "xml-writer-only",
  setup(build) {
    build.onResolve({ filter: /^xml-js$/ }, () => ({ path: "xml-js", namespace: "xml-writer-only" }));
    build.onLoad({ filter: /.*/, namespace: "xml-writer-only" }, () => ({
      contents: 'import js2xml from "xml-js/lib/js2xml.js"; export { js2xml };',
      loader: "js",
      resolveDir: process.cwd(),
    }));
  },
};

/** A store too large for a web-only host's bundle to carry: that host then reads NEWS_BRIEF_CONTENT's bucket only. */
export interface StoreLeftOut {
  bytes: number;
  limit: number;
}

/**
 * Bundles one host's entry into `dir`/`target.outfile`. `store` is either the documents (inside the bundle),
 * undefined, for a host that reads the store/ folder the build links next to its bundle, or StoreLeftOut.
 */
export async function bundleHost(
  target: HostTarget,
  dir: string,
  inline: Record<string, string> | StoreLeftOut | undefined,
  widgetScript: WidgetScript,
): Promise<void> {
  const outfile = `${dir}/${target.outfile}`;
  await build({
    entryPoints: [target.entry],
    outfile,
    bundle: true,
    platform: target.platform,
    format: "esm",
    target: "es2022",
    minify: true,
    legalComments: "none",
    logLevel: "warning",
    ...target.esbuild,
    plugins: [
      buildOutputModules(
        storeModule(inline, relative(resolve(outfile, ".."), resolve(dir, target.storeFolder ?? "store"))),
        widgetScript,
      ),
      xmlWriterOnly,
    ],
  });
}

/** The source of `news-brief:bundled-store`: the documents themselves, the store folder at `folder`, or neither. */
function storeModule(inline: Record<string, string> | StoreLeftOut | undefined, folder: string): string {
  const functions = fileURLToPath(new URL("../functions/store", import.meta.url));
  if (isLeftOut(inline)) {
    const mb = (bytes: number) => `${Math.ceil(bytes / 1024 / 1024)} MB`;
    const message =
      `the content (${mb(inline.bytes)}) is past the ${mb(inline.limit)} this host's bundle carries: publish it ` +
      "(npm run publish-content) and set NEWS_BRIEF_CONTENT to its bucket, like s3://clubic-briefs/prod";
    return `import { ConfigError } from ${JSON.stringify(`${functions}/store-config.ts`)};
export const bundledStore = () => { throw new ConfigError(${JSON.stringify(message)}); };`;
  }
  if (inline) {
    // JSON.parse of one string literal loads faster than the same object as a literal (V8's JSON fast path).
    return `import { MemoryStore } from ${JSON.stringify(`${functions}/memory-store.ts`)};
const documents = JSON.parse(${JSON.stringify(JSON.stringify(inline))});
export const bundledStore = () => new MemoryStore(documents, "bundled");`;
  }
  return `import { fileURLToPath } from "node:url";
import { FileStore } from ${JSON.stringify(`${functions}/file-store.ts`)};
export const bundledStore = () => new FileStore(fileURLToPath(new URL(${JSON.stringify(`${folder}/`)}, import.meta.url)), "bundled");`;
}

/** Whether `store` is StoreLeftOut rather than documents (whose values are all strings). */
export function isLeftOut(store: Record<string, string> | StoreLeftOut | undefined): store is StoreLeftOut {
  return typeof store?.bytes === "number" && typeof store.limit === "number";
}

/** Resolves `news-brief:bundled-store` and `news-brief:widget-script` (declared in functions/build-output.d.ts). */
function buildOutputModules(store: string, widgetScript: WidgetScript): Plugin {
  const modules: Record<string, string> = {
    "news-brief:bundled-store": store,
    "news-brief:widget-script": `export const widgetScript = ${JSON.stringify(widgetScript)};`,
  };
  return {
    name: "news-brief-build-output",
    setup(build) {
      build.onResolve({ filter: /^news-brief:/ }, (args) => ({ path: args.path, namespace: "news-brief" }));
      build.onLoad({ filter: /.*/, namespace: "news-brief" }, (args) => ({
        contents: modules[args.path],
        loader: "js",
        resolveDir: process.cwd(),
      }));
    },
  };
}

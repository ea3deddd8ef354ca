// Prints the widget bundle's size raw, gzip -9 and Brotli q11, and fails past the gzip budget partners were promised.
import { pathToFileURL } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { bundleWidget } from "./bundle.js";

/**
 * Bytes the widget may weigh gzipped (-9), Lit included; tests/widget/bundle.test.ts and the bench smoke test check it.
 * LitElement itself costs 5,603 B here (a bare element with an unsafeCSS stylesheet, through the same esbuild and
 * terser, with Lit's hooks still in), 2,581 B more than bare lit-html. The widget weighed 8,148 B when the line
 * was set at 8,192 B.
 */
export const WIDGET_GZIP_BUDGET = 8192;

/** The widget bundle's bytes: raw, gzip -9 and Brotli at quality 11. */
export async function widgetSizes(): Promise<{ raw: number; gzip: number; brotli: number }> {
  const bundle = Buffer.from(await bundleWidget());
  const gzip = gzipSync(bundle, { level: 9 }).length;
  const brotli = brotliCompressSync(bundle, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bundle.length },
  }).length;
  return { raw: bundle.length, gzip, brotli };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { raw, gzip, brotli } = await widgetSizes();
  console.log(`widget/index.ts bundled: ${raw} B raw, ${gzip} B gzip -9, ${brotli} B brotli q11`);
  if (gzip > WIDGET_GZIP_BUDGET) {
    console.error(`over budget: ${gzip} B gzip > ${WIDGET_GZIP_BUDGET} B`);
    process.exitCode = 1;
  } else {
    console.log(`within budget: ${WIDGET_GZIP_BUDGET - gzip} B to spare of ${WIDGET_GZIP_BUDGET} B gzip`);
  }
}

// The widget bundle partners load: production Lit only, and small.
import { gzipSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { bundleWidget } from "../../infra/bundle.js";
import { WIDGET_GZIP_BUDGET as GZIP_BUDGET } from "../../infra/size.js";

let bundle: string;
beforeAll(async () => {
  bundle = await bundleWidget();
});

describe("bundleWidget()", () => {
  it(`stays within ${GZIP_BUDGET} bytes gzipped, Lit included`, () => {
    const gzipped = gzipSync(bundle, { level: 9 }).length;
    console.info(`widget bundle: ${bundle.length} B raw, ${gzipped} B gzip -9 (budget ${GZIP_BUDGET})`);
    expect(gzipped).toBeLessThanOrEqual(GZIP_BUDGET);
  });

  it("contains Lit's production build, without its dev-mode warnings", () => {
    expect(bundle).toContain("news-brief");
    expect(bundle).not.toContain("Lit is in dev mode");
    expect(bundle).not.toContain("lit.dev/msg/");
  });

  it("contains no inline-style code path for CSP-strict pages", () => {
    expect(bundle).not.toMatch(/styleMap|\.style\.|setAttribute\("style"/);
  });
});

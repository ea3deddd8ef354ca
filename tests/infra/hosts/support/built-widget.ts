// The widget script as `npm run build` left it in dist/widget/, for tests that build hosts themselves.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { WidgetScript } from "../../../../functions/routes/widget-script.js";
import { PROJECT_ROOT } from "../../../serverless/support/offline-process.js";

/** dist/widget/news-brief.js and its hashed name from dist/widget/manifest.json. */
export function builtWidget(): WidgetScript {
  const text = readFileSync(join(PROJECT_ROOT, "dist/widget/news-brief.js"), "utf8");
  const manifest = JSON.parse(readFileSync(join(PROJECT_ROOT, "dist/widget/manifest.json"), "utf8"));
  return { text, file: manifest["news-brief.js"] };
}

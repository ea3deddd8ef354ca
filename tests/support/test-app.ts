// The whole app over a test catalog, answering web-standard Requests in process.

import { allSections } from "../../functions/all-sections.js";
import { createApp } from "../../functions/app.js";
import type { Catalog } from "../../infra/content/catalog.js";
import { contentOf } from "./test-content.js";

/** A stand-in widget script; the real bundle is tested in tests/widget. */
export const WIDGET_SCRIPT = "export const widget = true;\n";

/** The app serving every section of `catalog`. */
export function testApp(catalog: Catalog) {
  return createApp(contentOf(catalog), allSections(WIDGET_SCRIPT));
}

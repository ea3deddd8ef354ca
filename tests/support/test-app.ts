// The whole app over a test catalog, answering web-standard Requests in process.

import { allSections } from "../../functions/all-sections.js";
import { createApp } from "../../functions/app.js";
import type { Logger } from "../../functions/log/logger.js";
import type { WidgetScript } from "../../functions/routes/widget-script.js";
import { widgetFileName } from "../../infra/bundle.js";
import type { Catalog } from "../../infra/content/catalog.js";
import { contentOf } from "./test-content.js";

const WIDGET_TEXT = "export const widget = true;\n";

/** A stand-in widget script and its versioned name; the real bundle is tested in tests/widget. */
export const WIDGET_SCRIPT: WidgetScript = { text: WIDGET_TEXT, file: widgetFileName(WIDGET_TEXT) };

/** The app serving every section of `catalog`; `logger` receives its request lines (default: none kept). */
export function testApp(catalog: Catalog, logger: Logger = { log() {} }) {
  return createApp(contentOf(catalog), allSections(WIDGET_SCRIPT), { logger });
}

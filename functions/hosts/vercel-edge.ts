// Vercel Edge Function (Build Output API v3, runtime "edge"): the app as the default export.
import { bundledStore } from "news-brief:bundled-store";
import { widgetScript } from "news-brief:widget-script";
import { lazyFetchApp } from "./fetch-app.js";

const handle = lazyFetchApp({ bundledStore, widgetScript });

/** Vercel calls the default export with each Request; `process.env` is the only part of `process` there. */
export default function vercelEdge(request: Request): Promise<Response> {
  return handle(request, process.env);
}

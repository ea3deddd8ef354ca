// Netlify Functions v2: the app as the default export `(request, context) → Response`, on every path.
import { bundledStore } from "news-brief:bundled-store";
import { widgetScript } from "news-brief:widget-script";
import type { Config } from "@netlify/functions";
import { lazyFetchApp } from "./fetch-app.js";

const handle = lazyFetchApp({ bundledStore, widgetScript });

/**
 * Netlify passes a Context as the second argument; the app needs none of it. The site's variables scoped
 * to Functions are in the `Netlify.env` global, and in process.env as well on Netlify's Node.js runtime.
 */
export default function netlify(request: Request): Promise<Response> {
  return handle(request, typeof Netlify === "undefined" ? process.env : Netlify.env.toObject());
}

/** Every path is the app's; a file in the publish folder, if any, wins over it (robots.txt, say). */
export const config: Config = { path: "/*", preferStatic: true };

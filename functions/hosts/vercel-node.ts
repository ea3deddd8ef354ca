// Vercel Node.js Function (Build Output API v3, nodejs22.x): the app as the default export's `fetch`.
import { bundledStore } from "news-brief:bundled-store";
import { widgetScript } from "news-brief:widget-script";
import { lazyFetchApp } from "./fetch-app.js";

const handle = lazyFetchApp({ bundledStore, widgetScript });

/**
 * Vercel's Node.js launcher calls `fetch` with a Request for every method when the default export has one
 * (@vercel/node, serverless-handler.mts). A bare function or @hono/node-server's listener would be called as
 * `(req, res)` instead, and a listener that waits for `listen()` hangs until the function times out.
 */
const vercelNode = { fetch: (request: Request): Promise<Response> => handle(request, process.env) };
export default vercelNode;

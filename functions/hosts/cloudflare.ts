// Cloudflare Workers (module syntax): vars and secrets arrive as bindings with each request, not at start-up.
import { bundledStore } from "news-brief:bundled-store";
import { widgetScript } from "news-brief:widget-script";
import { type HostEnv, lazyFetchApp } from "./fetch-app.js";

/** Workers' own ResponseInit option: "manual" sends the body as it is, already in its Content-Encoding. */
interface WorkersResponseInit extends ResponseInit {
  encodeBody?: "automatic" | "manual";
}

const handle = lazyFetchApp({ bundledStore, widgetScript });

/**
 * The app's answer, with its compressed bodies marked as such: by default ("automatic") the Workers runtime
 * compresses a body itself according to its Content-Encoding header, so bytes the app already encoded
 * would go out compressed twice.
 */
async function fetch(request: Request, env: HostEnv): Promise<Response> {
  const response = await handle(request, env);
  if (!response.headers.has("content-encoding")) return response;
  const init: WorkersResponseInit = {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
    encodeBody: "manual",
  };
  return new Response(response.body, init);
}

/** The Worker: workerd calls `fetch(request, env, ctx)` on the module's default export. */
const worker = { fetch };
export default worker;

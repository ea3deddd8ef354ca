// Azure Functions (Node.js programming model v4): one HTTP function on every path, answering with the fetch app.

import { bundledStore } from "news-brief:bundled-store";
import { widgetScript } from "news-brief:widget-script";
import { app, type HttpMethod, type HttpRequest, type HttpResponseInit } from "@azure/functions";
import { fetchApp } from "./fetch-app.js";

const news = fetchApp({ bundledStore, widgetScript }, process.env);

/**
 * Every method a web Request can carry reaches the app, which answers 405 with Allow itself. TRACE and CONNECT
 * are left to the host: the Request constructor refuses them (Fetch standard, "forbidden method").
 */
const METHODS: HttpMethod[] = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

async function newsBrief(request: HttpRequest): Promise<HttpResponseInit> {
  const { method, headers } = request;
  const body = method === "GET" || method === "HEAD" ? undefined : await request.arrayBuffer();
  const response = await news.fetch(new Request(request.url, { method, headers, body }));
  // The body as bytes: the host would otherwise re-encode text, and a gzip or Brotli body is not text.
  return {
    status: response.status,
    headers: response.headers,
    body: new Uint8Array(await response.arrayBuffer()),
  };
}

// "{*path}" with host.json's routePrefix "" puts the app at the site's root: /feed.xml, not /api/feed.xml.
app.http("newsBrief", { route: "{*path}", methods: METHODS, authLevel: "anonymous", handler: newsBrief });

// The whole app as one fetch(Request) → Response, for every host that serves all routes from one entry.
import type { Hono } from "hono";
import { allSections } from "../all-sections.js";
import { createApp } from "../app.js";
import { contentFromEnv } from "../content-from-env.js";
import { publicBaseUrl } from "../public-base-url.js";
import type { WidgetScript } from "../routes/widget-script.js";
import type { ContentStore } from "../store/content-store.js";

/** Environment variables as a host hands them over: process.env, Deno.env, a Worker's bindings. */
export type HostEnv = Record<string, unknown>;

/** What every host entry exports or wraps. */
export interface FetchApp {
  fetch(request: Request): Promise<Response>;
}

/** What the build gives a host entry (the `news-brief:*` modules). */
export interface HostBuild {
  bundledStore: () => ContentStore;
  widgetScript: WidgetScript;
}

/**
 * The app configured from `env` (NEWS_BRIEF_CONTENT and the rest, PUBLIC_BASE_URL). Throws ConfigError
 * or a PUBLIC_BASE_URL error at once, so that a host that reads its environment at start-up refuses to start.
 */
export function fetchApp(build: HostBuild, env: HostEnv): FetchApp {
  const strings = stringsOf(env);
  const content = contentFromEnv(strings, build.bundledStore);
  const app: Hono = createApp(content, allSections(build.widgetScript), { baseUrl: publicBaseUrl(strings) });
  return { fetch: async (request) => app.fetch(request) };
}

/**
 * For hosts whose environment arrives with the first request (Cloudflare Workers): the app is made then and
 * kept. A configuration error answers 500 with the message naming the variable, and is logged, on every
 * request until the configuration is fixed: it is the deployment that is wrong, not the request.
 */
export function lazyFetchApp(build: HostBuild): (request: Request, env: HostEnv) => Promise<Response> {
  let app: FetchApp | undefined;
  return async (request, env) => {
    try {
      app ??= fetchApp(build, env);
    } catch (error) {
      const message = `news-brief cannot start: ${(error as Error).message}`;
      console.error(JSON.stringify({ level: "error", message }));
      return new Response(`${message}\n`, {
        status: 500,
        headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
      });
    }
    return app.fetch(request);
  };
}

/** Keeps the string-valued variables: bindings such as KV namespaces or R2 buckets are objects. */
function stringsOf(env: HostEnv): Record<string, string | undefined> {
  const strings: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(env)) if (typeof value === "string") strings[name] = value;
  return strings;
}

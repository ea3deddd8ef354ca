// The portable application: fetch(Request) → Response, assembled from sections; hosts adapt it.
import { Hono } from "hono";
import type { Content } from "./catalog/content.js";
import type { Snapshot } from "./catalog/snapshot.js";
import { responseGuard } from "./http/response-guard.js";
import { errorResponse, NotFoundError } from "./http-errors.js";
import { Links } from "./links.js";
import type { Logger } from "./log/logger.js";
import { requestLog } from "./log/request-log.js";

/** What a request reads: one version of the content, and the URLs of this deployment. */
export interface Reading {
  snapshot: Snapshot;
  links: Links;
}

/** What every section is built from. */
export interface AppContext {
  /** The version to answer from, taken once per request so that it never mixes two versions. */
  read(): Promise<Reading>;
}

/** A group of routes; each Lambda function serves some sections, the local server all of them. */
export type Section = (context: AppContext) => Hono;

/** Options of createApp. */
export interface AppOptions {
  /** Public base URL; defaults to the site's `baseUrl`. */
  baseUrl?: string;
  /** Where the line of each request goes; default the content's logger (one JSON line on stdout). */
  logger?: Logger;
  /** The host's id of a request, from what it passes the app (its `env`); see requestLog. */
  requestId?: (env: unknown) => string | undefined;
}

/** Builds the app serving `sections` from `content`. Unknown paths answer 404; errors map in one place. */
export function createApp(content: Content, sections: Section[], options: AppOptions = {}): Hono {
  const fixed = options.baseUrl === undefined ? undefined : new Links(options.baseUrl);
  const links = new WeakMap<Snapshot, Links>();
  const read = async (): Promise<Reading> => {
    const snapshot = await content.snapshot();
    let own = fixed ?? links.get(snapshot);
    if (!own) {
      own = new Links(snapshot.site.baseUrl);
      links.set(snapshot, own);
    }
    return { snapshot, links: own };
  };
  const app = new Hono();
  app.use(
    requestLog({
      logger: options.logger ?? content.logger,
      requestId: options.requestId,
      version: () => content.version,
    }),
  );
  app.use(responseGuard(read));
  for (const section of sections) app.route("/", section({ read }));
  app.notFound((c) => errorResponse(new NotFoundError(), c));
  app.onError(errorResponse);
  return app;
}

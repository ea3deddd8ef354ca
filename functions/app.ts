// The portable application: fetch(Request) → Response, assembled from sections; hosts adapt it.
import { Hono } from "hono";
import type { Catalog } from "../infra/content/catalog.js";
import { errorResponse, NotFoundError } from "./http-errors.js";
import { Links } from "./links.js";

/** What every section is built from. */
export interface AppContext {
  catalog: Catalog;
  links: Links;
}

/** A group of routes; each Lambda function serves some sections, the local server all of them. */
export type Section = (context: AppContext) => Hono;

/** Options of createApp. */
export interface AppOptions {
  /** Public base URL; defaults to the site's `baseUrl`. */
  baseUrl?: string;
}

/** Builds the app serving `sections` from `catalog`. Unknown paths answer 404; errors map in one place. */
export function createApp(catalog: Catalog, sections: Section[], options: AppOptions = {}): Hono {
  const links = new Links((options.baseUrl ?? catalog.site.baseUrl).replace(/\/+$/, ""));
  const app = new Hono();
  for (const section of sections) app.route("/", section({ catalog, links }));
  app.notFound((c) => errorResponse(new NotFoundError(), c));
  app.onError(errorResponse);
  return app;
}

// The AWS Lambda host: maps API Gateway (REST v1, HTTP v2), Function URL and ALB events to the app.
import type { Hono } from "hono";
import { handle } from "hono/aws-lambda";
import type { Catalog } from "../../infra/content/catalog.js";
import { createApp, type Section } from "../app.js";
import { publicBaseUrl } from "../public-base-url.js";

/** A Lambda handler serving `sections`; the base URL comes from PUBLIC_BASE_URL when set. */
export function lambdaHandler(catalog: Catalog, sections: Section[]): ReturnType<typeof handle> {
  const app: Hono = createApp(catalog, sections, {
    baseUrl: publicBaseUrl(process.env, catalog.site.baseUrl),
  });
  return handle(app);
}

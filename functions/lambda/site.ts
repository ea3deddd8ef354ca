// Lambda function "site": pages, sitemaps and robots.txt, oEmbed and embed pages, the widget script, and the 404 for every other path.
import { bundledStore } from "news-brief:bundled-store";
import { widgetScript } from "news-brief:widget-script";
import { lambdaHandler } from "../adapters/aws-lambda.js";
import { contentFromEnv } from "../content-from-env.js";
import { oembedRoutes } from "../routes/oembed.js";
import { pageRoutes } from "../routes/pages.js";
import { sitemapRoutes } from "../routes/sitemaps.js";
import { widgetScriptRoute } from "../routes/widget-script.js";

export const handler = lambdaHandler(contentFromEnv(process.env, bundledStore), [
  pageRoutes(widgetScript.file),
  sitemapRoutes,
  oembedRoutes,
  widgetScriptRoute(widgetScript),
]);

// Lambda function "feeds": every feed (main, per tag, archive pages) and /feed.xsl.
import { bundledStore } from "news-brief:bundled-store";
import { lambdaHandler } from "../adapters/aws-lambda.js";
import { contentFromEnv } from "../content-from-env.js";
import { feedStylesheetRoute } from "../routes/feed-stylesheet.js";
import { feedRoutes } from "../routes/feeds.js";

export const handler = lambdaHandler(contentFromEnv(process.env, bundledStore), [
  feedRoutes,
  feedStylesheetRoute,
]);

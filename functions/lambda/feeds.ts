// Lambda function "feeds": every feed (main, per tag, archive pages) and /feed.xsl.
import { catalog } from "news-brief:catalog";
import { lambdaHandler } from "../adapters/aws-lambda.js";
import { feedStylesheetRoute } from "../routes/feed-stylesheet.js";
import { feedRoutes } from "../routes/feeds.js";

export const handler = lambdaHandler(catalog, [feedRoutes, feedStylesheetRoute]);

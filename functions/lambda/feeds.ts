// Lambda function "feeds": /feed.xml, /atom.xml, /feed.json.
import { catalog } from "news-brief:catalog";
import { lambdaHandler } from "../adapters/aws-lambda.js";
import { feedRoutes } from "../routes/feeds.js";

export const handler = lambdaHandler(catalog, [feedRoutes]);

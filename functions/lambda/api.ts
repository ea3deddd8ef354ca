// Lambda function "api": /api/briefs and /api/briefs/{id}.
import { catalog } from "news-brief:catalog";
import { lambdaHandler } from "../adapters/aws-lambda.js";
import { apiRoutes } from "../routes/api.js";

export const handler = lambdaHandler(catalog, [apiRoutes]);

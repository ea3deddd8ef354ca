// Lambda function "api": /api/briefs and /api/briefs/{id}.
import { bundledStore } from "news-brief:bundled-store";
import { lambdaHandler } from "../adapters/aws-lambda.js";
import { contentFromEnv } from "../content-from-env.js";
import { apiRoutes } from "../routes/api.js";

export const handler = lambdaHandler(contentFromEnv(process.env, bundledStore), [apiRoutes]);

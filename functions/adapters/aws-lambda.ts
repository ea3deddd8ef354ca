// The AWS Lambda host: maps API Gateway (REST v1, HTTP v2), Function URL and ALB events to the app.
import type {
  ALBEvent,
  ALBResult,
  APIGatewayProxyEvent,
  APIGatewayProxyEventV2,
  APIGatewayProxyResult,
  APIGatewayProxyStructuredResultV2,
  Context,
} from "aws-lambda";
import { handle } from "hono/aws-lambda";
import { createApp, type Section } from "../app.js";
import type { Content } from "../catalog/content.js";
import { publicBaseUrl } from "../public-base-url.js";

/** Every event shape the functions accept (a Function URL sends the HTTP API v2 shape). */
export type LambdaEvent = APIGatewayProxyEvent | APIGatewayProxyEventV2 | ALBEvent;

/** What the functions answer, in the shape of the event that came in. */
export type LambdaResult = APIGatewayProxyResult & APIGatewayProxyStructuredResultV2 & ALBResult;

/** A Lambda handler. */
export type LambdaHandler = (event: LambdaEvent, context?: Context) => Promise<LambdaResult>;

/**
 * A Lambda handler serving `sections` from `content`, kept across warm invocations; the base URL comes
 * from PUBLIC_BASE_URL when set, else from the site.
 */
export function lambdaHandler(content: Content, sections: Section[], env = process.env): LambdaHandler {
  const app = createApp(content, sections, { baseUrl: publicBaseUrl(env) });
  // Hono declares its own event types, which reject the `null` query fields API Gateway really sends
  // (and @types/aws-lambda declares); the shapes are otherwise the same.
  return handle(app) as unknown as LambdaHandler;
}

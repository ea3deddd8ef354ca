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
import { checkLambdaEvent, problemResult } from "./lambda-event.js";

/** Every event shape the functions accept (a Function URL sends the HTTP API v2 shape). */
export type LambdaEvent = APIGatewayProxyEvent | APIGatewayProxyEventV2 | ALBEvent;

/** What the functions answer, in the shape of the event that came in. */
export type LambdaResult = APIGatewayProxyResult & APIGatewayProxyStructuredResultV2 & ALBResult;

/** A Lambda handler. */
export type LambdaHandler = (event: LambdaEvent, context?: Context) => Promise<LambdaResult>;

/**
 * A Lambda handler serving `sections` from `content`, kept across warm invocations; the base URL comes
 * from PUBLIC_BASE_URL when set, else from the site. A malformed event (checkLambdaEvent) is answered 400
 * in its own shape (405 for a method a web Request cannot carry) and logged as a warning: thrown, it would
 * reach the caller as Lambda's 502.
 */
export function lambdaHandler(content: Content, sections: Section[], env = process.env): LambdaHandler {
  const app = createApp(content, sections, { baseUrl: publicBaseUrl(env), requestId: lambdaRequestId });
  // Hono declares its own event types, which reject the `null` query fields API Gateway really sends
  // (and @types/aws-lambda declares); the shapes are otherwise the same.
  const handler = handle(app) as unknown as LambdaHandler;
  return async (event, context) => {
    const checked = checkLambdaEvent(event);
    if ("event" in checked) return handler(joinRepeatedHeaders(checked.event), context);
    content.logger.log({
      level: "warn",
      message: "event refused",
      status: checked.status,
      problem: checked.message,
    });
    return problemResult(event, checked);
  };
}

/**
 * hono/aws-lambda joins the values of a repeated header of an ALB event with "; ", which suits Cookie only:
 * two Accept-Encoding headers, `deflate` and `br`, would read as `deflate; br`, one coding with a parameter.
 * Every other field is a comma-separated list (RFC 9110 §5.3), so those are joined with ", " first.
 */
function joinRepeatedHeaders(event: LambdaEvent): LambdaEvent {
  if (!("elb" in (event.requestContext ?? {})) || !("multiValueHeaders" in event) || !event.multiValueHeaders)
    return event;
  const joined = Object.entries(event.multiValueHeaders).map(([name, values = []]) => [
    name,
    name.toLowerCase() === "cookie" || values.length < 2 ? values : [values.join(", ")],
  ]);
  return { ...event, multiValueHeaders: Object.fromEntries(joined) };
}

/** What hono/aws-lambda passes the app as its env. */
interface LambdaBindings {
  lambdaContext?: Partial<Context>;
  requestContext?: { requestId?: string };
}

/** Lambda's own request id (the one on its REPORT line), else API Gateway's (the one in its access log). */
function lambdaRequestId(env: unknown): string | undefined {
  const { lambdaContext, requestContext } = (env ?? {}) as LambdaBindings;
  return lambdaContext?.awsRequestId || requestContext?.requestId || undefined;
}

// The event shapes AWS really sends a Lambda function: API Gateway REST (v1), HTTP API (v2), Function URLs
// and ALB, each after the sample event of the AWS documentation, plus the context Lambda passes with them.
import type {
  ALBEvent,
  APIGatewayProxyEvent,
  APIGatewayProxyEventV2,
  Context,
  LambdaFunctionURLEvent,
} from "aws-lambda";

// API Gateway REST API, Lambda proxy integration, stage "dev" (after the AWS documentation's sample event).
export const restBase: APIGatewayProxyEvent = {
  resource: "/feed.xml",
  path: "/feed.xml",
  httpMethod: "GET",
  headers: {
    Accept: "*/*",
    Host: "r4nd0m1d.execute-api.eu-west-3.amazonaws.com",
    "User-Agent": "curl/8.5.0",
    "X-Forwarded-For": "192.0.2.1",
    "X-Forwarded-Proto": "https",
  },
  multiValueHeaders: {
    Accept: ["*/*"],
    Host: ["r4nd0m1d.execute-api.eu-west-3.amazonaws.com"],
    "User-Agent": ["curl/8.5.0"],
    "X-Forwarded-For": ["192.0.2.1"],
    "X-Forwarded-Proto": ["https"],
  },
  queryStringParameters: null,
  multiValueQueryStringParameters: null,
  pathParameters: null,
  stageVariables: null,
  requestContext: {
    accountId: "123456789012",
    apiId: "r4nd0m1d",
    authorizer: undefined,
    domainName: "r4nd0m1d.execute-api.eu-west-3.amazonaws.com",
    domainPrefix: "r4nd0m1d",
    extendedRequestId: "Xk3dAFHvCGYEJ2w=",
    httpMethod: "GET",
    identity: {
      accessKey: null,
      accountId: null,
      apiKey: null,
      apiKeyId: null,
      caller: null,
      clientCert: null,
      cognitoAuthenticationProvider: null,
      cognitoAuthenticationType: null,
      cognitoIdentityId: null,
      cognitoIdentityPoolId: null,
      principalOrgId: null,
      sourceIp: "192.0.2.1",
      user: null,
      userAgent: "curl/8.5.0",
      userArn: null,
    },
    path: "/dev/feed.xml",
    protocol: "HTTP/1.1",
    requestId: "c6af9ac6-7b61-11e6-9a41-93e8deadbeef",
    requestTime: "10/Jun/2020:07:00:00 +0000",
    requestTimeEpoch: 1591772400000,
    resourceId: "2gxmpl",
    resourcePath: "/feed.xml",
    stage: "dev",
  },
  body: null,
  isBase64Encoded: false,
};

export function restEvent(
  method: string,
  path: string,
  query?: Record<string, string[]>,
): APIGatewayProxyEvent {
  const lastValues =
    query && Object.fromEntries(Object.entries(query).map(([name, values]) => [name, values.at(-1)]));
  return {
    ...restBase,
    httpMethod: method,
    path,
    resource: path,
    queryStringParameters: lastValues ?? null,
    multiValueQueryStringParameters: query ?? null,
    requestContext: {
      ...restBase.requestContext,
      httpMethod: method,
      path: `/dev${path}`,
      resourcePath: path,
    },
  };
}

// HTTP API, payload format 2.0, $default stage (after the AWS documentation's sample event).
export const httpBase: APIGatewayProxyEventV2 = {
  version: "2.0",
  routeKey: "$default",
  rawPath: "/",
  rawQueryString: "",
  headers: {
    accept: "*/*",
    "content-length": "0",
    host: "r4nd0m1d.execute-api.eu-west-3.amazonaws.com",
    "user-agent": "curl/8.5.0",
    "x-amzn-trace-id": "Root=1-5e6722a7-cc56xmpl46db7ae02d4da47e",
    "x-forwarded-for": "192.0.2.1",
    "x-forwarded-port": "443",
    "x-forwarded-proto": "https",
  },
  requestContext: {
    accountId: "123456789012",
    apiId: "r4nd0m1d",
    domainName: "r4nd0m1d.execute-api.eu-west-3.amazonaws.com",
    domainPrefix: "r4nd0m1d",
    http: { method: "GET", path: "/", protocol: "HTTP/1.1", sourceIp: "192.0.2.1", userAgent: "curl/8.5.0" },
    requestId: "JKJaXmPLvHcESHA=",
    routeKey: "$default",
    stage: "$default",
    time: "10/Jun/2020:07:00:00 +0000",
    timeEpoch: 1591772400000,
  },
  isBase64Encoded: false,
};

export function httpEvent(
  method: string,
  rawPath: string,
  rawQueryString = "",
  base = httpBase,
): APIGatewayProxyEventV2 {
  const query = new URLSearchParams(rawQueryString);
  // HTTP API joins repeated query parameters with commas.
  const queryStringParameters = Object.fromEntries(
    [...new Set(query.keys())].map((name) => [name, query.getAll(name).join(",")]),
  );
  return {
    ...base,
    rawPath,
    rawQueryString,
    ...(rawQueryString ? { queryStringParameters } : {}),
    requestContext: {
      ...base.requestContext,
      http: { ...base.requestContext.http, method, path: rawPath },
    },
  };
}

// A Lambda function URL: the same 2.0 shape, on its own domain.
export const functionUrlBase: LambdaFunctionURLEvent = {
  ...httpBase,
  headers: { ...httpBase.headers, host: "r4nd0m1dxmpl5mhqfd5gbxpe4q0gbsdy.lambda-url.eu-west-3.on.aws" },
  requestContext: {
    ...httpBase.requestContext,
    apiId: "r4nd0m1dxmpl5mhqfd5gbxpe4q0gbsdy",
    domainName: "r4nd0m1dxmpl5mhqfd5gbxpe4q0gbsdy.lambda-url.eu-west-3.on.aws",
    domainPrefix: "r4nd0m1dxmpl5mhqfd5gbxpe4q0gbsdy",
  },
};

// An Application Load Balancer target group, multi-value headers off (after the ELB documentation's sample).
export const albBase: ALBEvent = {
  requestContext: {
    elb: {
      targetGroupArn:
        "arn:aws:elasticloadbalancing:eu-west-3:123456789012:targetgroup/news-brief/49e9d65c45c6791a",
    },
  },
  httpMethod: "GET",
  path: "/",
  queryStringParameters: {},
  headers: {
    accept: "*/*",
    host: "news-brief-123578498.eu-west-3.elb.amazonaws.com",
    "user-agent": "curl/8.5.0",
    "x-amzn-trace-id": "Root=1-5c536348-3d683b8b04734faae651f476",
    "x-forwarded-for": "192.0.2.1",
    "x-forwarded-port": "443",
    "x-forwarded-proto": "https",
  },
  body: "",
  isBase64Encoded: false,
};

// The same target group with multi-value headers on: ALB then sends, and expects back, only the multi-value fields.
export const albMultiBase: ALBEvent = {
  requestContext: albBase.requestContext,
  httpMethod: "GET",
  path: "/",
  multiValueQueryStringParameters: {},
  multiValueHeaders: Object.fromEntries(
    Object.entries(albBase.headers ?? {}).map(([name, value]) => [name, [value ?? ""]]),
  ),
  body: "",
  isBase64Encoded: false,
};

/** The context of one invocation of the function "news-brief-dev-feeds", as Lambda's Node.js runtime passes it. */
export function lambdaContext(awsRequestId = "8f5d9a1e-3c2b-4f6a-9e7d-1b2c3d4e5f60"): Context {
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: "news-brief-dev-feeds",
    functionVersion: "$LATEST",
    invokedFunctionArn: "arn:aws:lambda:eu-west-3:123456789012:function:news-brief-dev-feeds",
    memoryLimitInMB: "256",
    awsRequestId,
    logGroupName: "/aws/lambda/news-brief-dev-feeds",
    logStreamName: "2020/06/10/[$LATEST]0123456789abcdef0123456789abcdef",
    getRemainingTimeInMillis: () => 10_000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

// The environment variables the app reads, for hosts that grant access to variables by name (Deno's --allow-env).

/** Every variable fetchApp reads: the content store, its bucket's credentials, the public base URL, the log level. */
export const APP_VARIABLES = [
  "NEWS_BRIEF_CONTENT",
  "NEWS_BRIEF_CONTENT_TTL",
  "NEWS_BRIEF_S3_ENDPOINT",
  "AWS_ACCESS_KEY_ID",
  "AWS_SECRET_ACCESS_KEY",
  "AWS_SESSION_TOKEN",
  "AWS_REGION",
  "AWS_DEFAULT_REGION",
  "PUBLIC_BASE_URL",
  "NEWS_BRIEF_LOG_LEVEL",
  "AWS_LAMBDA_LOG_LEVEL",
] as const;

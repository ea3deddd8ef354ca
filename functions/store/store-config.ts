// Reads which content store to use from the environment; a bad value stops start-up naming the variable.
import { type ContentStore, DEFAULT_TTL_SECONDS } from "./content-store.js";
import { S3Store } from "./s3-store.js";

/** The settings every entry honours. */
export interface StoreConfig {
  /** The bundled store, or the bucket and prefix holding a published store. */
  content: { kind: "bundled" } | { kind: "s3"; bucket: string; prefix: string };
  /** Seconds between two checks of the manifest. */
  ttlSeconds: number;
}

/** A setting is missing or malformed; the message names the variable and what it takes. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

type Env = Record<string, string | undefined>;

/** Parses NEWS_BRIEF_CONTENT and NEWS_BRIEF_CONTENT_TTL. Throws ConfigError. */
export function storeConfig(env: Env): StoreConfig {
  const ttlText = env.NEWS_BRIEF_CONTENT_TTL?.trim();
  if (ttlText && !/^\d{1,6}$/.test(ttlText)) {
    throw new ConfigError(
      `NEWS_BRIEF_CONTENT_TTL must be a whole number of seconds (0 to 999999), like 30; got "${clip(ttlText)}"`,
    );
  }
  const ttlSeconds = ttlText ? Number(ttlText) : DEFAULT_TTL_SECONDS;
  const value = env.NEWS_BRIEF_CONTENT?.trim() || "bundled";
  if (value === "bundled") return { content: { kind: "bundled" }, ttlSeconds };
  const match = /^s3:\/\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(?:\/(.*))?$/.exec(value);
  if (!match) {
    throw new ConfigError(
      `NEWS_BRIEF_CONTENT must be "bundled" or s3://bucket/prefix, like s3://clubic-briefs/prod; got "${clip(value)}"`,
    );
  }
  const prefix = (match[2] ?? "").replace(/^\/+|\/+$/g, "");
  return { content: { kind: "s3", bucket: match[1] ?? "", prefix }, ttlSeconds };
}

/** The S3 store for `bucket/prefix`, from NEWS_BRIEF_S3_ENDPOINT and the standard AWS variables. */
export function s3StoreFromEnv(bucket: string, prefix: string, env: Env): S3Store {
  const endpoint = env.NEWS_BRIEF_S3_ENDPOINT?.trim() || undefined;
  if (endpoint && !(URL.canParse(endpoint) && /^https?:$/.test(new URL(endpoint).protocol))) {
    throw new ConfigError(
      `NEWS_BRIEF_S3_ENDPOINT must be an http(s) URL, like http://127.0.0.1:9000; got "${clip(endpoint)}"`,
    );
  }
  const accessKeyId = env.AWS_ACCESS_KEY_ID?.trim();
  const secretAccessKey = env.AWS_SECRET_ACCESS_KEY?.trim();
  if (!accessKeyId || !secretAccessKey) {
    throw new ConfigError(
      `AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY must be set to read s3://${bucket}; Lambda sets them from the function's role`,
    );
  }
  return new S3Store({
    bucket,
    prefix,
    endpoint,
    region: env.AWS_REGION?.trim() || env.AWS_DEFAULT_REGION?.trim() || "us-east-1",
    accessKeyId,
    secretAccessKey,
    sessionToken: env.AWS_SESSION_TOKEN?.trim() || undefined,
  });
}

/** The configured store: `bundled()` for the default, else the bucket the variables name. */
export function storeFromEnv(
  env: Env,
  bundled: () => ContentStore,
): { store: ContentStore; ttlSeconds: number } {
  const { content, ttlSeconds } = storeConfig(env);
  const store = content.kind === "bundled" ? bundled() : s3StoreFromEnv(content.bucket, content.prefix, env);
  return { store, ttlSeconds };
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

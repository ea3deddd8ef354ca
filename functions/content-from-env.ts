// The content every entry serves: the bundled store by default, or the bucket NEWS_BRIEF_CONTENT names.
import { Content, type ContentOptions } from "./catalog/content.js";
import { atLeast, logLevelOf } from "./log/logger.js";
import type { ContentStore } from "./store/content-store.js";
import { ConfigError, storeFromEnv } from "./store/store-config.js";

/**
 * Reads NEWS_BRIEF_CONTENT, NEWS_BRIEF_S3_ENDPOINT, the AWS variables, NEWS_BRIEF_CONTENT_TTL and
 * NEWS_BRIEF_LOG_LEVEL (the content's logger, which the app's request log uses too). Throws ConfigError.
 */
export function contentFromEnv(
  env: Record<string, string | undefined>,
  bundled: () => ContentStore,
  options: Omit<ContentOptions, "ttlSeconds"> = {},
): Content {
  const { store, ttlSeconds } = storeFromEnv(env, bundled);
  const level = logLevelOf(env);
  if (!level) {
    throw new ConfigError(
      `NEWS_BRIEF_LOG_LEVEL must be info, warn or error; got "${env.NEWS_BRIEF_LOG_LEVEL?.slice(0, 60)}"`,
    );
  }
  return new Content(store, { ...options, logger: atLeast(level, options.logger), ttlSeconds });
}

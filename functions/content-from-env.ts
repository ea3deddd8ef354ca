// The content every entry serves: the bundled store by default, or the bucket NEWS_BRIEF_CONTENT names.
import { Content, type ContentOptions } from "./catalog/content.js";
import type { ContentStore } from "./store/content-store.js";
import { storeFromEnv } from "./store/store-config.js";

/** Reads NEWS_BRIEF_CONTENT, NEWS_BRIEF_S3_ENDPOINT, the AWS variables and NEWS_BRIEF_CONTENT_TTL. Throws ConfigError. */
export function contentFromEnv(
  env: Record<string, string | undefined>,
  bundled: () => ContentStore,
  options: Omit<ContentOptions, "ttlSeconds"> = {},
): Content {
  const { store, ttlSeconds } = storeFromEnv(env, bundled);
  return new Content(store, { ...options, ttlSeconds });
}

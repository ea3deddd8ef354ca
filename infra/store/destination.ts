// Where `npm run publish-content` writes: an S3-compatible bucket (s3://bucket/prefix) or a local folder.
import { resolve } from "node:path";
import type { WritableContentStore } from "../../functions/store/content-store.js";
import { FileStore } from "../../functions/store/file-store.js";
import { s3StoreFromEnv, storeConfig } from "../../functions/store/store-config.js";

/** The store at `target`: `s3://bucket/prefix` (with NEWS_BRIEF_S3_ENDPOINT and the AWS variables), or a folder. */
export function destination(target: string, env: Record<string, string | undefined>): WritableContentStore {
  if (!target.startsWith("s3://")) return new FileStore(resolve(target), target);
  const { content } = storeConfig({ NEWS_BRIEF_CONTENT: target });
  if (content.kind !== "s3") throw new Error(`${target} is not an s3:// address`);
  return s3StoreFromEnv(content.bucket, content.prefix, env);
}

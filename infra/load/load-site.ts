// The site a load run serves: the seed brief plus a generated catalogue, built as `npm run build` builds it,
// and the same content published to a bucket as `npm run publish-content` publishes it.
import { copyFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import { buildAll } from "../build.js";
import { generateContent } from "../generate.js";
import { publishContent } from "../publish-content.js";
import { destination } from "../store/destination.js";
import type { S3Server } from "../store/local-s3-server.js";

/** A built site, ready to serve. */
export interface LoadSite {
  /** The content folder it was built from. */
  content: string;
  /** The local server bundle, as `npm start` runs it (dist/server.mjs of this build). */
  server: string;
  briefs: number;
  version: string;
  /** Whether the store travels inside the bundle, or is read from the store/ folder beside it. */
  inline: boolean;
}

/**
 * Writes `generated` briefs (`npm run generate`) and the seed's own briefs from `seed`/briefs into `dir`/content,
 * then builds it into `dir`/dist. Parsed briefs are cached in .news-brief/parsed, as the build caches them.
 */
export async function buildLoadSite(dir: string, generated: number, seed = "content"): Promise<LoadSite> {
  const content = join(dir, "content");
  await generateContent(content, generated);
  for (const name of await readdir(join(seed, "briefs"))) {
    if (name.endsWith(".md")) await copyFile(join(seed, "briefs", name), join(content, "briefs", name));
  }
  const dist = join(dir, "dist");
  const built = await buildAll(content, dist, {}, ".news-brief/parsed");
  return {
    content,
    server: join(dist, "server.mjs"),
    briefs: built.briefs,
    version: built.version,
    inline: built.inline,
  };
}

/**
 * Publishes `site`'s content to `s3` under `prefix`, as `npm run publish-content -- s3://bucket/prefix` does with
 * the server's variables; returns the variables that point the server at it.
 */
export async function publishLoadSite(
  site: LoadSite,
  s3: S3Server,
  state: string,
  prefix = "load",
): Promise<Record<string, string>> {
  const env = { ...s3.env, NEWS_BRIEF_CONTENT: `s3://${s3.bucket}/${prefix}` };
  await publishContent(destination(env.NEWS_BRIEF_CONTENT, env), {
    content: site.content,
    cacheDir: ".news-brief/parsed",
    state,
    env: {},
    logger: { log: () => {}, error: () => {} },
    progress: false,
  });
  return env;
}

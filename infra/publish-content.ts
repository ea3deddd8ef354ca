// `npm run publish-content -- s3://bucket/prefix`: validates content/, uploads the documents the store lacks,
// then the manifest, so readers switch to the new version at once; then tells the WebSub hub what changed and,
// with --invalidate, has CloudFront forget the paths that changed.

import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { Content } from "../functions/catalog/content.js";
import { MANIFEST_KEY } from "../functions/catalog/store-layout.js";
import { publicBaseUrl } from "../functions/public-base-url.js";
import { StoreUnavailableError, type WritableContentStore } from "../functions/store/content-store.js";
import { MemoryStore } from "../functions/store/memory-store.js";
import { ConfigError } from "../functions/store/store-config.js";
import { createInvalidation, InvalidationError } from "./aws/cloudfront-invalidation.js";
import { ContentError, loadCatalog } from "./content/load.js";
import { publish } from "./publish.js";
import { changedPaths } from "./store/changed-paths.js";
import { type CompiledStore, compileStore, type StoreDocument } from "./store/compile-store.js";
import { destination } from "./store/destination.js";
import { feedManifest } from "./store/feed-manifest.js";
import { currentManifest, HISTORY_KEY, namedBy, prune, readHistory } from "./store/published-versions.js";

/** Options of publishContent. */
export interface PublishContentOptions {
  /** The content folder. Default `content`. */
  content?: string;
  /** Keep only the newest N versions afterwards; keep every one when unset. */
  prune?: number;
  /** Where parsed briefs are cached by file hash. Default `.news-brief/parsed`. */
  cacheDir?: string;
  /** The WebSub state file. Default `.news-brief/published.json`. */
  state?: string;
  /** Uploads in flight at once. Default 16. */
  concurrency?: number;
  env?: Record<string, string | undefined>;
  logger?: Pick<Console, "log" | "error">;
  /** Shows a progress line while uploading (default: when stderr is a terminal). */
  progress?: boolean;
  /** How long a replaced version stays when pruning, in milliseconds. Default PRUNE_GRACE_MS (2 minutes). */
  pruneGraceMs?: number;
  /** Date of the publish, for the store's history. Default now. */
  now?: () => Date;
  /** A CloudFront distribution id: after publishing, one invalidation of the paths that changed. */
  invalidate?: string;
  /**
   * How long to wait between the manifest and the invalidation, in milliseconds: until every running function
   * has seen the new version, else the CDN would fetch the old one again. Default NEWS_BRIEF_CONTENT_TTL + 1 s.
   */
  invalidateDelayMs?: number;
}

/** What a publish did. */
export interface PublishContentResult {
  version: string;
  /** False when the store already served this version. */
  changed: boolean;
  uploaded: number;
  unchanged: number;
  /** Briefs this publish withdrew (published before, gone now). */
  withdrawn: string[];
  pinged: number;
  pruned: number;
  /** The paths sent to CloudFront (none when nothing changed or no distribution was given). */
  invalidated: string[];
  /** Why the invalidation failed, after the content was published; undefined when it did not. */
  invalidationError?: string;
}

/** Publishes `content` to `store`. Throws ContentError before writing anything when the content is invalid. */
export async function publishContent(
  store: WritableContentStore,
  options: PublishContentOptions = {},
): Promise<PublishContentResult> {
  const logger = options.logger ?? console;
  const env = options.env ?? process.env;
  const catalog = await loadCatalog(options.content ?? "content", {
    cacheDir: options.cacheDir ?? ".news-brief/parsed",
  });
  const previous = await currentManifest(store);
  const before = previous ? await namedBy(store, previous) : undefined;
  const ids = new Set(catalog.briefs.map((brief) => brief.id));
  const gone = before ? [...before.briefs, ...before.withdrawn].filter((id) => !ids.has(id)) : [];
  const withdrawn = before ? [...before.briefs].filter((id) => !ids.has(id)).sort() : [];

  const now = (options.now ?? (() => new Date()))();
  const progress = new Progress(options.progress ?? process.stderr.isTTY === true);
  const index = new MemoryStore();
  const documents = compileStore(catalog, { withdrawn: gone });
  let compiled: CompiledStore | undefined;
  const next = (): StoreDocument | undefined => {
    const step = documents.next();
    if (!step.done) return step.value;
    compiled ??= step.value;
    return undefined;
  };
  let uploaded = 0;
  let unchanged = 0;
  // Workers share the one generator: each takes the next document as soon as its upload is done.
  const upload = async () => {
    for (let document = next(); document; document = next()) {
      // The hub is told about changed feeds, and the CDN about changed paths, which the index names: keep it.
      if ((catalog.site.hub || options.invalidate) && document.key.startsWith("index/"))
        await index.put(document.key, document.text);
      if (before?.keys.has(document.key)) unchanged++;
      else {
        await store.put(document.key, document.text);
        uploaded++;
      }
      progress.show(`${uploaded + unchanged} documents: ${uploaded} uploaded, ${unchanged} unchanged`);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 16 }, upload));
  const { manifest, manifestDocuments } = compiled as CompiledStore;
  const changed = previous?.version !== manifest.version;
  if (changed) {
    const [current, copy] = manifestDocuments as [StoreDocument, StoreDocument];
    await store.put(copy.key, copy.text);
    const history = await readHistory(store);
    const published = now.toISOString();
    await store.put(HISTORY_KEY, JSON.stringify([...history, { version: manifest.version, published }]));
    // Last: the one write that switches readers to the new version, all of it at once.
    await store.put(current.key, current.text);
    uploaded += 2;
  }
  progress.done();

  let pinged = 0;
  if (changed && (manifest.site.hub || options.invalidate)) {
    for (const { key, text } of manifestDocuments) await index.put(key, text);
  }
  if (changed && manifest.site.hub) {
    const snapshot = await new Content(index).snapshot();
    const feeds = await feedManifest(snapshot, publicBaseUrl(env));
    const result = await publish({ feeds, state: options.state, logger: quiet(logger) });
    pinged = result.changed.length - result.failures.length;
    for (const failure of result.failures) logger.error(`failed to ping ${failure.url}: ${failure.message}`);
  }
  const pruned =
    options.prune === undefined
      ? 0
      : await prune(store, options.prune, {
          now: now.getTime(),
          graceMs: options.pruneGraceMs,
        });
  let invalidated: string[] = [];
  let invalidationError: string | undefined;
  if (changed && options.invalidate) {
    invalidated = await changedPaths(previous && { manifest: previous, store }, { manifest, store: index });
    const ttl = Number(env.NEWS_BRIEF_CONTENT_TTL ?? 30);
    const delay = options.invalidateDelayMs ?? ((Number.isFinite(ttl) ? ttl : 30) + 1) * 1000;
    await new Promise((resolve) => setTimeout(resolve, delay));
    try {
      await createInvalidation({
        distributionId: options.invalidate,
        paths: invalidated,
        callerReference: `news-brief ${manifest.version} ${now.toISOString()}`,
        env,
      });
    } catch (error) {
      if (!(error instanceof InvalidationError)) throw error;
      invalidationError = error.message;
    }
  }
  return {
    version: manifest.version,
    changed,
    uploaded,
    unchanged,
    withdrawn,
    pinged,
    pruned,
    invalidated,
    ...(invalidationError !== undefined && { invalidationError }),
  };
}

/** The summary line of a publish. */
export function describePublish(result: PublishContentResult): string {
  const n = (count: number, one: string, many = `${one}s`) =>
    `${count.toLocaleString("en")} ${count === 1 ? one : many}`;
  const head = result.changed
    ? `published version ${result.version}`
    : `version ${result.version} was already published`;
  const parts = [
    `${n(result.uploaded, "document")} uploaded`,
    `${result.unchanged.toLocaleString("en")} unchanged`,
    `${n(result.withdrawn.length, "brief")} withdrawn`,
    `${n(result.pinged, "feed")} pinged`,
  ];
  if (result.pruned > 0) parts.push(`${n(result.pruned, "old document")} pruned`);
  if (result.invalidated.length > 0 && result.invalidationError === undefined)
    parts.push(`${n(result.invalidated.length, "path")} invalidated`);
  return `${head}: ${parts.join(", ")}`;
}

/** A progress line on a terminal, redrawn at most 10 times a second; nothing elsewhere. */
class Progress {
  #last = 0;
  constructor(readonly enabled: boolean) {}
  show(line: string): void {
    if (!this.enabled || Date.now() - this.#last < 100) return;
    this.#last = Date.now();
    process.stderr.write(`\r\x1b[K${line}`);
  }
  done(): void {
    if (this.enabled) process.stderr.write("\r\x1b[K");
  }
}

function quiet(logger: Pick<Console, "log" | "error">): Pick<Console, "log" | "error"> {
  return { log: () => {}, error: logger.error };
}

const USAGE =
  "usage: npm run publish-content -- <s3://bucket/prefix | folder> [--content content] [--prune N] [--invalidate distribution-id]";

/** Runs the command line `args`; resolves to the exit code: 0, 1 when publishing failed, 2 on bad usage. */
export async function main(
  args: string[],
  logger: Pick<Console, "log" | "error"> = console,
): Promise<number> {
  let parsed: {
    values: { content?: string; prune?: string; invalidate?: string };
    positionals: string[];
  };
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: { content: { type: "string" }, prune: { type: "string" }, invalidate: { type: "string" } },
    });
  } catch (error) {
    logger.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const [target, ...extra] = parsed.positionals;
  const keep = parsed.values.prune;
  if (!target || extra.length > 0 || (keep !== undefined && !/^[1-9]\d{0,3}$/.test(keep))) {
    logger.error(
      `${!target ? "say where to publish" : extra.length > 0 ? `one destination only; got ${extra.join(" ")}` : `--prune takes a number of versions to keep, at least 1; got "${keep}"`}\n${USAGE}`,
    );
    return 2;
  }
  const distribution =
    parsed.values.invalidate || process.env.NEWS_BRIEF_CLOUDFRONT_DISTRIBUTION || undefined;
  if (distribution !== undefined && !/^[A-Z0-9]{1,64}$/.test(distribution)) {
    logger.error(
      `--invalidate takes a CloudFront distribution id (the stack's DistributionId output), like E2QWRUHAPOMQZL; got "${distribution.slice(0, 80)}"\n${USAGE}`,
    );
    return 2;
  }
  try {
    const store = destination(target, process.env);
    const result = await publishContent(store, {
      content: parsed.values.content,
      prune: keep === undefined ? undefined : Number(keep),
      invalidate: distribution,
      logger,
    });
    logger.log(describePublish(result));
    if (result.invalidationError === undefined) return 0;
    logger.error(
      `Invalidation failed: ${result.invalidationError}. The content is published; the CDN serves the old answers until they expire (s-maxage, 10 minutes). To refresh them now: aws cloudfront create-invalidation --distribution-id ${distribution} --paths ${result.invalidated.map((path) => `'${path}'`).join(" ")}`,
    );
    return 1;
  } catch (error) {
    if (error instanceof ContentError) logger.error(`Publish failed: ${error.message}`);
    else if (error instanceof ConfigError || error instanceof StoreUnavailableError)
      logger.error(`Publish failed: ${error.message}; ${MANIFEST_KEY} was not changed`);
    else logger.error(error);
    return 1;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  process.exitCode = await main(process.argv.slice(2));
}

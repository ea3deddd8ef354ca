// `npm run publish`: tells the WebSub hub which feeds changed since the last publish, and remembers what it told.

import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { type Manifest, ManifestError, readManifest } from "./publish/manifest.js";
import { mapLimit, pingHub } from "./publish/ping.js";
import { changedFeeds, nextState, readState, writeState } from "./publish/state.js";

/** Options of publish; every one has a default. */
export interface PublishOptions {
  /** The build's manifest. Default `dist/feeds.json`. */
  manifest?: string;
  /** The feeds themselves, in place of reading `manifest`. */
  feeds?: Manifest;
  /** The manifest as last published. Default `.news-brief/published.json`. */
  state?: string;
  /** List what would be pinged; send nothing, write nothing. Default false. */
  dryRun?: boolean;
  /** Pings in flight at once. Default 4. */
  concurrency?: number;
  /** How long each ping may take, in milliseconds. Default 10 000. */
  timeoutMs?: number;
  /** The fetch to use. Default the global one. */
  fetch?: typeof fetch;
  /** Where progress (`log`) and failures (`error`) are printed. Default `console`. */
  logger?: Pick<Console, "log" | "error">;
}

/** A feed the hub was not told about. `status` is `null` when the hub never answered. */
export interface PingFailure {
  url: string;
  status: number | null;
  message: string;
}

/** What publish did. */
export interface PublishResult {
  /** The manifest's hub; `null` when none is configured and nothing was done. */
  hub: string | null;
  /** How many feeds the manifest lists. */
  total: number;
  /** The URLs of the changed feeds: pinged, or only listed on a dry run. */
  changed: string[];
  failures: PingFailure[];
  /** False when nothing was sent: no hub, or a dry run. */
  sent: boolean;
}

/**
 * Pings the hub once for each feed whose URL is new or whose ETag changed since the state file, then
 * records the ones that succeeded. Throws ManifestError on a missing, non-JSON or misshapen manifest or
 * state; a failed ping is reported in the result, never thrown.
 */
export async function publish(options: PublishOptions = {}): Promise<PublishResult> {
  const manifestFile = options.manifest ?? "dist/feeds.json";
  const stateFile = options.state ?? ".news-brief/published.json";
  const logger = options.logger ?? console;
  const manifest = options.feeds ?? (await readManifest(manifestFile));
  const { hub } = manifest;
  if (hub === null) {
    logger.log(`no hub configured in ${manifestFile}; nothing to ping`);
    return { hub, total: manifest.feeds.length, changed: [], failures: [], sent: false };
  }
  const state = await readState(stateFile);
  const changed = changedFeeds(manifest, state).map((feed) => feed.url);
  const unchanged = manifest.feeds.length - changed.length;
  if (options.dryRun) {
    for (const url of changed) logger.log(`would ping ${url}`);
    logger.log(
      `dry run: would ping ${changed.length} of ${manifest.feeds.length} feeds at ${hub} (${unchanged} unchanged)`,
    );
    return { hub, total: manifest.feeds.length, changed, failures: [], sent: false };
  }
  const outcomes = await mapLimit(changed, options.concurrency ?? 4, async (url) => ({
    url,
    outcome: await pingHub(hub, url, { timeoutMs: options.timeoutMs ?? 10_000, fetch: options.fetch }),
  }));
  const failures: PingFailure[] = outcomes.flatMap(({ url, outcome }) =>
    outcome.ok ? [] : [{ url, status: outcome.status, message: outcome.message }],
  );
  for (const failure of failures) logger.error(describeFailure(failure));
  const succeeded = new Set(outcomes.filter(({ outcome }) => outcome.ok).map(({ url }) => url));
  await writeState(stateFile, nextState(manifest, state, succeeded));
  logger.log(
    `pinged ${changed.length} of ${manifest.feeds.length} feeds (${unchanged} unchanged); ${failures.length} failed`,
  );
  return { hub, total: manifest.feeds.length, changed, failures, sent: true };
}

function describeFailure({ url, status, message }: PingFailure): string {
  return status === null ? `failed ${url}: ${message}` : `failed ${url}: hub answered ${status}: ${message}`;
}

const USAGE =
  "usage: tsx infra/publish.ts [--manifest dist/feeds.json] [--state .news-brief/published.json] [--dry-run]";

/** Runs the command line `args`; resolves to the exit code: 0, 1 when a ping or a file failed, 2 on bad usage. */
export async function main(
  args: string[],
  logger: Pick<Console, "log" | "error"> = console,
): Promise<number> {
  let values: { manifest?: string; state?: string; "dry-run"?: boolean };
  try {
    ({ values } = parseArgs({
      args,
      options: { manifest: { type: "string" }, state: { type: "string" }, "dry-run": { type: "boolean" } },
    }));
  } catch (error) {
    logger.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  try {
    const result = await publish({
      manifest: values.manifest,
      state: values.state,
      dryRun: values["dry-run"],
      logger,
    });
    return result.failures.length > 0 ? 1 : 0;
  } catch (error) {
    logger.error(error instanceof ManifestError ? `Publish failed: ${error.message}` : error);
    return 1;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  process.exitCode = await main(process.argv.slice(2));
}

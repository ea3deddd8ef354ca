// The state file, the manifest as last published: which feeds changed since, and the atomic write of the next one.
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { errorCode, type Manifest, ManifestError, type ManifestFeed, parseManifest } from "./manifest.js";

/** Reads the state at `file`; `undefined` when it does not exist yet (nothing published). */
export async function readState(file: string): Promise<Manifest | undefined> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if (errorCode(error) === "ENOENT") return undefined;
    throw new ManifestError(file, [`cannot be read (${errorCode(error)})`], { cause: error });
  }
  return parseManifest(file, text, "delete the file to ping every feed again");
}

/**
 * The feeds of `manifest` whose URL is new or whose ETag differs from `state`'s. All of them when
 * nothing was published yet or the hub changed, since the new hub has been told nothing.
 */
export function changedFeeds(manifest: Manifest, state: Manifest | undefined): ManifestFeed[] {
  const published = publishedEtags(manifest, state);
  return manifest.feeds.filter((feed) => published.get(feed.url) !== feed.etag);
}

/**
 * The state after a publish: feeds in `succeeded` at their new ETag, the others at the ETag last
 * published (so a failed ping is retried next time), and feeds gone from the manifest dropped.
 */
export function nextState(
  manifest: Manifest,
  state: Manifest | undefined,
  succeeded: ReadonlySet<string>,
): Manifest {
  const published = publishedEtags(manifest, state);
  const feeds = manifest.feeds.flatMap((feed) => {
    if (succeeded.has(feed.url)) return [feed];
    const etag = published.get(feed.url);
    return etag === undefined ? [] : [{ url: feed.url, etag }];
  });
  return { hub: manifest.hub, feeds };
}

function publishedEtags(manifest: Manifest, state: Manifest | undefined): Map<string, string> {
  if (!state || state.hub !== manifest.hub) return new Map();
  return new Map(state.feeds.map((feed) => [feed.url, feed.etag]));
}

/** Writes `state` to `file` atomically (a temporary file, then a rename), creating its folder. */
export async function writeState(file: string, state: Manifest): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(state, null, 2)}\n`);
  await rename(temporary, file);
}

// `npm run load`: loads the local server (dist/server.mjs) with a day's mix of feeds, 304s, API and pages, on the
// bundled store and on a bucket served by a local S3 server; fails on any error or on memory growing past 10%.
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { buildLoadSite, publishLoadSite } from "./load/load-site.js";
import { failures, loadTable } from "./load/report.js";
import { type LoadResult, runLoad } from "./load/run-load.js";
import { startS3Server } from "./store/local-s3-server.js";

/** What `npm run load` does by default. */
export const LOAD_DEFAULTS = {
  duration: 60,
  connections: 50,
  /**
   * Generated briefs besides the seed's: past the 512 KB a bundle carries, so the bundled run reads the store
   * folder as a large deployment does, with 50 archive pages and cursor pages that read them, and still built
   * in seconds. The seed's one brief alone has no second page, no archive and no cursor to follow.
   */
  briefs: 1000,
  /** Requests before the measured run, at least: see runLoad's warm-up. */
  warmup: 100_000,
} as const;

const STORES = ["bundled", "s3"] as const;
type StoreName = (typeof STORES)[number];

const USAGE =
  "usage: npm run load -- [--duration 60 (seconds)] [--connections 50] [--store bundled|s3] [--briefs 1000] [--warmup 100000 (requests, at least)] [--json file]";

/** Runs the command line `args`; resolves to the exit code: 0 when every run passed, 1 when one failed, 2 on bad usage. */
export async function main(args: string[], log: Pick<Console, "log" | "error"> = console): Promise<number> {
  let values: Record<string, string | undefined>;
  try {
    ({ values } = parseArgs({
      args,
      options: Object.fromEntries(
        ["duration", "connections", "store", "briefs", "warmup", "json"].map((name) => [
          name,
          { type: "string" },
        ]),
      ),
    }) as { values: Record<string, string | undefined> });
  } catch (error) {
    log.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const number = (name: keyof typeof LOAD_DEFAULTS, min: number, max: number) => {
    const text = values[name];
    if (text === undefined) return LOAD_DEFAULTS[name];
    const value = Number(text);
    return /^\d+$/.test(text) && value >= min && value <= max ? value : Number.NaN;
  };
  const ranges = {
    duration: [1, 3600],
    connections: [1, 1000],
    briefs: [1, 100_000],
    warmup: [1000, 10_000_000],
  } as const;
  const options = {
    duration: number("duration", ...ranges.duration),
    connections: number("connections", ...ranges.connections),
    briefs: number("briefs", ...ranges.briefs),
    warmup: number("warmup", ...ranges.warmup),
  };
  const bad = (Object.keys(options) as (keyof typeof options)[]).find((name) => Number.isNaN(options[name]));
  const store = values.store;
  if (bad || (store !== undefined && !STORES.includes(store as StoreName))) {
    const why = bad
      ? `--${bad} takes a whole number from ${ranges[bad][0]} to ${ranges[bad][1]}; got "${values[bad]?.slice(0, 40)}"`
      : `--store is bundled or s3; got "${store?.slice(0, 40)}"`;
    log.error(`${why}\n${USAGE}`);
    return 2;
  }
  const stores = store ? [store as StoreName] : [...STORES];

  const dir = join(".news-brief", `load-${options.briefs}`);
  await mkdir(dir, { recursive: true });
  log.error(
    `building ${options.briefs.toLocaleString("en")} generated briefs and the seed's into ${dir}/dist…`,
  );
  const site = await buildLoadSite(dir, options.briefs);
  const results: LoadResult[] = [];
  for (const name of stores) {
    const s3 = name === "s3" ? await startS3Server() : undefined;
    try {
      const env = s3 ? await publishLoadSite(site, s3, join(dir, "published.json")) : {};
      results.push(
        await runLoad(
          {
            store: name,
            server: site.server,
            env,
            duration: options.duration,
            connections: options.connections,
            warmupRequests: options.warmup,
          },
          (line) => log.error(line),
        ),
      );
    } finally {
      await s3?.close();
    }
  }

  log.log(
    `\n${site.briefs.toLocaleString("en")} briefs (content ${site.version}), ${options.connections} connections, ${options.duration} s measured after a warm-up of ${options.warmup.toLocaleString("en")} requests or more, until memory settled\n`,
  );
  log.log(loadTable(results));
  const reasons = results.flatMap(failures);
  for (const reason of reasons) log.error(reason);
  if (values.json) {
    await writeFile(
      values.json,
      `${JSON.stringify({ briefs: site.briefs, version: site.version, results }, null, 2)}\n`,
    );
  }
  return reasons.length === 0 ? 0 : 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  process.exitCode = await main(process.argv.slice(2));
}

import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { type Manifest, ManifestError } from "../../infra/publish/manifest.js";
import { MESSAGE_LIMIT } from "../../infra/publish/ping.js";
import { main, type PublishOptions, publish } from "../../infra/publish.js";
import { type StubHub, startStubHub } from "./support/stub-hub.js";

const MAIN_RSS = { url: "https://briefs.example.com/feed.xml", etag: '"sha256-rss1"' };
const MAIN_ATOM = { url: "https://briefs.example.com/atom.xml", etag: '"sha256-atom1"' };
const MAIN_JSON = { url: "https://briefs.example.com/feed.json", etag: '"sha256-json1"' };
const TAG_ATOM = { url: "https://briefs.example.com/tags/ethique/atom.xml", etag: '"sha256-tag1"' };
const FEEDS = [MAIN_RSS, MAIN_ATOM, MAIN_JSON, TAG_ATOM];

let hub: StubHub;
let work: string;
let manifestFile: string;
let stateFile: string;
let out: string[];
let err: string[];

beforeEach(async () => {
  hub = await startStubHub();
  work = await mkdtemp(join(tmpdir(), "news-brief-publish-"));
  manifestFile = join(work, "dist", "feeds.json");
  stateFile = join(work, "state", "published.json");
  out = [];
  err = [];
});

afterEach(async () => {
  await hub.close();
  await rm(work, { recursive: true, force: true });
});

/** A manifest naming the stub hub, with `feeds`. */
function manifest(feeds: Manifest["feeds"] = FEEDS): Manifest {
  return { hub: hub.url, feeds };
}

/** Writes `data` as the manifest and publishes it, printing into `out` and `err`. */
async function run(data: unknown, options: PublishOptions = {}) {
  await mkdir(join(work, "dist"), { recursive: true });
  await writeFile(manifestFile, typeof data === "string" ? data : JSON.stringify(data));
  const logger = { log: (line: string) => out.push(line), error: (line: string) => err.push(line) };
  return publish({ manifest: manifestFile, state: stateFile, logger, ...options });
}

async function readState(): Promise<unknown> {
  return JSON.parse(await readFile(stateFile, "utf8"));
}

describe("publish", () => {
  test("pings every feed on the first publish and records them all", async () => {
    const result = await run(manifest());
    expect(hub.pinged().sort()).toEqual(FEEDS.map((f) => f.url).sort());
    expect(result).toMatchObject({ hub: hub.url, total: 4, failures: [], sent: true });
    expect(await readState()).toEqual(manifest());
    expect(out.at(-1)).toBe("pinged 4 of 4 feeds (0 unchanged); 0 failed");
  });

  test("sends a form-encoded POST of exactly hub.mode=publish and hub.url", async () => {
    await run(manifest([TAG_ATOM]));
    expect(hub.requests).toEqual([
      {
        method: "POST",
        contentType: "application/x-www-form-urlencoded",
        body: "hub.mode=publish&hub.url=https%3A%2F%2Fbriefs.example.com%2Ftags%2Fethique%2Fatom.xml",
        form: [
          ["hub.mode", "publish"],
          ["hub.url", TAG_ATOM.url],
        ],
      },
    ]);
  });

  test("pings nothing when the manifest has not changed since the last publish", async () => {
    await run(manifest());
    hub.requests.length = 0;
    const result = await run(manifest());
    expect(hub.requests).toEqual([]);
    expect(result.changed).toEqual([]);
    expect(out.at(-1)).toBe("pinged 0 of 4 feeds (4 unchanged); 0 failed");
  });

  test("pings a feed whose etag changed and a feed that is new, and not the unchanged ones", async () => {
    await run(manifest([MAIN_RSS, MAIN_ATOM, MAIN_JSON]));
    hub.requests.length = 0;
    const changedRss = { ...MAIN_RSS, etag: '"sha256-rss2"' };
    await run(manifest([changedRss, MAIN_ATOM, MAIN_JSON, TAG_ATOM]));
    expect(hub.pinged().sort()).toEqual([changedRss.url, TAG_ATOM.url].sort());
    expect(await readState()).toEqual(manifest([changedRss, MAIN_ATOM, MAIN_JSON, TAG_ATOM]));
    expect(out.at(-1)).toBe("pinged 2 of 4 feeds (2 unchanged); 0 failed");
  });

  test("ignores a feed removed since the last publish and drops it from the state", async () => {
    await run(manifest());
    hub.requests.length = 0;
    await run(manifest([MAIN_RSS, MAIN_ATOM]));
    expect(hub.requests).toEqual([]);
    expect(await readState()).toEqual(manifest([MAIN_RSS, MAIN_ATOM]));
  });

  test("pings every feed again when the hub changes", async () => {
    await run(manifest());
    const other = await startStubHub();
    try {
      await run({ ...manifest(), hub: other.url });
      expect(other.pinged().sort()).toEqual(FEEDS.map((f) => f.url).sort());
    } finally {
      await other.close();
    }
  });

  test("counts 202 Accepted and 200 OK as success", async () => {
    hub.answer(MAIN_RSS.url, 202);
    hub.answer(MAIN_ATOM.url, 200);
    const result = await run(manifest([MAIN_RSS, MAIN_ATOM]));
    expect(result.failures).toEqual([]);
    expect(await readState()).toEqual(manifest([MAIN_RSS, MAIN_ATOM]));
  });

  test("reports a 500 with the hub's message, and pings that feed again next time but not the others", async () => {
    hub.answer(MAIN_ATOM.url, { status: 500, message: "  database\n unavailable " });
    const first = await run(manifest());
    expect(first.failures).toEqual([{ url: MAIN_ATOM.url, status: 500, message: "database unavailable" }]);
    expect(err).toEqual([`failed ${MAIN_ATOM.url}: hub answered 500: database unavailable`]);
    expect(out.at(-1)).toBe("pinged 4 of 4 feeds (0 unchanged); 1 failed");
    expect(await readState()).toEqual(manifest([MAIN_RSS, MAIN_JSON, TAG_ATOM]));

    hub.requests.length = 0;
    hub.answer(MAIN_ATOM.url, 204);
    const second = await run(manifest());
    expect(hub.pinged()).toEqual([MAIN_ATOM.url]);
    expect(second.failures).toEqual([]);
    expect(await readState()).toEqual(manifest());
  });

  test("keeps the last published etag of a feed whose ping failed", async () => {
    await run(manifest([MAIN_RSS]));
    const changedRss = { ...MAIN_RSS, etag: '"sha256-rss2"' };
    hub.answer(MAIN_RSS.url, { status: 503, message: "busy" });
    await run(manifest([changedRss]));
    expect(await readState()).toEqual(manifest([MAIN_RSS]));
  });

  test("truncates a long message from the hub", async () => {
    hub.answer(MAIN_RSS.url, { status: 400, message: "x".repeat(5000) });
    const { failures } = await run(manifest([MAIN_RSS]));
    expect(failures[0]?.message).toBe(`${"x".repeat(MESSAGE_LIMIT - 1)}…`);
  });

  test("reports a hub that does not answer within the timeout, and still pings the other feeds", async () => {
    hub.answer(MAIN_JSON.url, "hang");
    const started = Date.now();
    const result = await run(manifest(), { timeoutMs: 200 });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(result.failures).toEqual([
      { url: MAIN_JSON.url, status: null, message: "no answer within 200 ms" },
    ]);
    expect(err).toEqual([`failed ${MAIN_JSON.url}: no answer within 200 ms`]);
    expect(hub.pinged()).toHaveLength(4);
    expect(await readState()).toEqual(manifest([MAIN_RSS, MAIN_ATOM, TAG_ATOM]));
  });

  test("reports a hub that cannot be reached", async () => {
    const url = hub.url;
    await hub.close();
    hub = await startStubHub();
    const result = await run({ hub: url, feeds: [MAIN_RSS] });
    expect(result.failures).toEqual([
      {
        url: MAIN_RSS.url,
        status: null,
        message: expect.stringMatching(/^could not reach the hub \(.*ECONNREFUSED/),
      },
    ]);
    expect(await readState()).toEqual({ hub: url, feeds: [] });
  });

  test("does not follow a redirect, which would turn the POST into a GET", async () => {
    hub.answer(MAIN_RSS.url, { redirect: "https://hub.example.net/" });
    const { failures } = await run(manifest([MAIN_RSS]));
    expect(failures).toEqual([
      {
        url: MAIN_RSS.url,
        status: 301,
        message: "redirects to https://hub.example.net/; set the hub to that URL",
      },
    ]);
    expect(hub.requests).toHaveLength(1);
  });

  test("sends at most `concurrency` pings at a time", async () => {
    hub.delayMs = 50;
    const feeds = Array.from({ length: 10 }, (_, i) => ({
      url: `https://briefs.example.com/${i}.xml`,
      etag: '"e"',
    }));
    await run(manifest(feeds), { concurrency: 3 });
    expect(hub.pinged()).toHaveLength(10);
    expect(hub.maxInFlight).toBe(3);
  });

  test("sends nothing and writes no state when no hub is configured", async () => {
    const result = await run({ hub: null, feeds: FEEDS });
    expect(hub.requests).toEqual([]);
    expect(result).toEqual({ hub: null, total: 4, changed: [], failures: [], sent: false });
    expect(out).toEqual([`no hub configured in ${manifestFile}; nothing to ping`]);
    await expect(readFile(stateFile)).rejects.toMatchObject({ code: "ENOENT" });
  });

  test("sends nothing and writes no state on a dry run, but lists what it would ping", async () => {
    await run(manifest([MAIN_RSS]));
    hub.requests.length = 0;
    const result = await run(manifest(), { dryRun: true });
    expect(hub.requests).toEqual([]);
    expect(result.sent).toBe(false);
    expect(result.changed).toEqual([MAIN_ATOM.url, MAIN_JSON.url, TAG_ATOM.url]);
    expect(out.slice(-4)).toEqual([
      `would ping ${MAIN_ATOM.url}`,
      `would ping ${MAIN_JSON.url}`,
      `would ping ${TAG_ATOM.url}`,
      `dry run: would ping 3 of 4 feeds at ${hub.url} (1 unchanged)`,
    ]);
    expect(await readState()).toEqual(manifest([MAIN_RSS]));
  });

  test("writes the state atomically into a new folder, leaving no temporary file", async () => {
    stateFile = join(work, "deep", "er", "published.json");
    await run(manifest());
    expect(await readdir(join(work, "deep", "er"))).toEqual(["published.json"]);
    expect(await readState()).toEqual(manifest());
  });
});

describe("a bad manifest", () => {
  async function problemsOf(data: unknown): Promise<string[]> {
    const error = await run(data).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ManifestError);
    expect(hub.requests).toEqual([]);
    return (error as ManifestError).problems;
  }

  test("fails naming the file when it is missing", async () => {
    const error = await publish({ manifest: join(work, "nope.json"), state: stateFile }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ManifestError);
    expect((error as Error).message).toBe(
      `${join(work, "nope.json")}: cannot be read (ENOENT); run npm run build first, or pass --manifest <file>`,
    );
    expect((error as Error).cause).toMatchObject({ code: "ENOENT" });
  });

  test("fails naming the file when it is not JSON", async () => {
    const error = await run("{ hub: ").catch((e: unknown) => e);
    expect((error as Error).message).toMatch(
      new RegExp(`^${escapeRegExp(manifestFile)}: is not JSON \\(.+\\)$`),
    );
  });

  test("lists every field that is wrong, each with the file", async () => {
    const feeds = [
      { url: "ftp://x/feed.xml", etag: '"a"' },
      { url: MAIN_RSS.url, etag: 'W/"weak"' },
      { etag: '"b"' },
    ];
    expect(await problemsOf({ hub: "hub.example.com", feeds })).toEqual([
      "hub: must be an absolute http(s) URL, like https://hub.example.com/",
      "feeds.0.url: must be an absolute http(s) URL, like https://briefs.example.com/feed.xml",
      'feeds.1.etag: must be a strong ETag in double quotes, like "\\"sha256-…\\""',
      "feeds.2.url: is missing; add it",
    ]);
    const error = await run({ hub: hub.url }).catch((e: unknown) => e);
    expect((error as Error).message).toBe(`${manifestFile}: feeds: is missing; add it`);
  });

  test("rejects a manifest that is not an object, or that lists a feed twice", async () => {
    expect(await problemsOf(42)).toEqual(["(top level): must be a JSON object with hub and feeds"]);
    expect(await problemsOf(manifest([MAIN_RSS, MAIN_ATOM, { ...MAIN_RSS, etag: '"x"' }]))).toEqual([
      `feeds: lists ${MAIN_RSS.url} twice; list each feed once`,
    ]);
  });

  test("rejects a corrupt state file, naming it and saying how to recover", async () => {
    await mkdir(join(work, "state"), { recursive: true });
    await writeFile(stateFile, '{"hub": 1, "feeds": []}');
    const error = await run(manifest()).catch((e: unknown) => e);
    expect((error as Error).message).toBe(
      `${stateFile}: hub: must be a URL written as text, like https://hub.example.com/; delete the file to ping every feed again`,
    );
    expect(hub.requests).toEqual([]);
  });
});

describe("the command line", () => {
  const exec = promisify(execFile);
  const cli = (...args: string[]) =>
    exec(process.execPath, ["--import", "tsx", "infra/publish.ts", ...args]).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error: { code: number; stdout: string; stderr: string }) => error,
    );

  test("exits 0 and prints the summary when every ping succeeds", async () => {
    await run(manifest([MAIN_RSS])); // publishes one feed in process, so the CLI sees 1 unchanged
    await writeFile(manifestFile, JSON.stringify(manifest()));
    hub.requests.length = 0;
    const { code, stdout, stderr } = await cli("--manifest", manifestFile, "--state", stateFile);
    expect({ code, stdout, stderr }).toEqual({
      code: 0,
      stdout: "pinged 3 of 4 feeds (1 unchanged); 0 failed\n",
      stderr: "",
    });
    expect(hub.pinged()).toHaveLength(3);
  });

  test("exits 1 and names the feed when a ping fails", async () => {
    hub.answer(MAIN_RSS.url, { status: 500, message: "oops" });
    await mkdir(join(work, "dist"), { recursive: true });
    await writeFile(manifestFile, JSON.stringify(manifest([MAIN_RSS, MAIN_ATOM])));
    const { code, stdout, stderr } = await cli("--manifest", manifestFile, "--state", stateFile);
    expect({ code, stdout, stderr }).toEqual({
      code: 1,
      stdout: "pinged 2 of 2 feeds (0 unchanged); 1 failed\n",
      stderr: `failed ${MAIN_RSS.url}: hub answered 500: oops\n`,
    });
  });

  test("exits 1 naming the manifest when it is missing, and 2 on an unknown option", async () => {
    const errors: unknown[] = [];
    const logger = { log: () => {}, error: (line: unknown) => errors.push(line) };
    expect(await main(["--manifest", join(work, "nope.json")], logger)).toBe(1);
    expect(errors).toEqual([
      expect.stringMatching(/^Publish failed: .*nope\.json: cannot be read \(ENOENT\)/),
    ]);
    expect(await main(["--hub", "x"], logger)).toBe(2);
    expect(errors[1]).toMatch(/Unknown option '--hub'[\s\S]*usage: tsx infra\/publish\.ts/);
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

// Publishing content folders to a real S3-compatible server (s3rver) and serving them with the real Node server:
// new and withdrawn briefs go live after the TTL, unchanged documents are not sent again, a bad brief changes
// nothing, pruning keeps the current version whole, and storage going down is survived.
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from "vitest";
import { type RunningServer, startServer } from "../../functions/adapters/node-server.js";
import { MANIFEST_KEY, type Manifest, versionKey } from "../../functions/catalog/store-layout.js";
import { contentFromEnv } from "../../functions/content-from-env.js";
import { ContentError } from "../../infra/content/load.js";
import {
  describePublish,
  main,
  type PublishContentOptions,
  type PublishContentResult,
  publishContent,
} from "../../infra/publish-content.js";
import { HISTORY_KEY, namedBy } from "../../infra/store/published-versions.js";
import { type S3Server, startS3Server } from "../support/s3-server.js";
import { siteYml } from "../support/site-yml.js";
import { WIDGET_SCRIPT } from "../support/test-app.js";

const SITE_YML = siteYml();

/** A brief file: published on day `day` of January 2024 (in the past, one instant per day). */
function briefFile(id: string, day: number, title = `Titre de ${id}`): string {
  return `---
title: ${title}
lead: Accroche de ${id}.
published: 2024-01-${String(day).padStart(2, "0")}T09:00:00+01:00
tags: [${day % 2 === 0 ? "Cloud, Microsoft" : "Cloud"}]
source:
  name: Clubic
---

- **Premier point.** Texte un de ${id}.
- **Second point.** Texte deux de ${id}.
`;
}

/** A content folder (site.yml and briefs/) in the test's temporary directory. */
class ContentFolder {
  constructor(readonly dir: string) {}

  static async create(parent: string, name: string, briefs: Record<string, number>): Promise<ContentFolder> {
    const folder = new ContentFolder(join(parent, name));
    await mkdir(join(folder.dir, "briefs"), { recursive: true });
    await writeFile(join(folder.dir, "site.yml"), SITE_YML);
    for (const [id, day] of Object.entries(briefs)) await folder.add(id, day);
    return folder;
  }

  add(id: string, day: number, title?: string): Promise<void> {
    return this.write(`${id}.md`, briefFile(id, day, title));
  }

  write(name: string, text: string): Promise<void> {
    return writeFile(join(this.dir, "briefs", name), text);
  }

  remove(id: string): Promise<void> {
    return rm(join(this.dir, "briefs", `${id}.md`));
  }
}

let s3: S3Server;
let work: string;
let prefix: string;
let prefixes = 0;
const servers: RunningServer[] = [];

beforeAll(async () => {
  s3 = await startS3Server();
});

afterAll(async () => {
  await s3.close();
});

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), "news-brief-publish-content-"));
  prefixes++;
  prefix = `site-${prefixes}`;
});

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
  await s3.restart();
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  await rm(work, { recursive: true, force: true });
});

/** Publishes `folder` to this test's prefix, with the parse cache and WebSub state inside `work`. */
function publish(folder: ContentFolder, options: PublishContentOptions = {}): Promise<PublishContentResult> {
  return publishContent(s3.store(prefix), {
    content: folder.dir,
    cacheDir: join(work, "parsed"),
    state: join(work, "published.json"),
    env: {},
    logger: { log: () => {}, error: () => {} },
    progress: false,
    ...options,
  });
}

/** A running app over this test's prefix, configured as a deployment is, on a clock the test moves. */
async function serve(ttl = "1") {
  let time = Date.now();
  // The store's warnings, without the request lines, which go to the same logger.
  const warnings: Record<string, unknown>[] = [];
  const content = contentFromEnv(
    { ...s3.env, NEWS_BRIEF_CONTENT: `s3://${s3.bucket}/${prefix}`, NEWS_BRIEF_CONTENT_TTL: ttl },
    () => {
      throw new Error("this test reads only the bucket");
    },
    {
      now: ttl === "0" ? Date.now : () => time,
      logger: { log: (entry) => entry.level !== "info" && warnings.push(entry) },
    },
  );
  const server = await startServer(content, WIDGET_SCRIPT, { port: 0, hostname: "127.0.0.1", env: {} });
  servers.push(server);
  return {
    warnings,
    url: server.url,
    /** Moves the app's clock past the TTL. */
    afterTtl: () => {
      time += Number(ttl) * 1000;
    },
    get: (path: string) => fetch(`${server.url}${path}`),
  };
}
type App = Awaited<ReturnType<typeof serve>>;

/** The brief ids of /feed.xml, newest first (from each item's tag: guid). */
async function feedIds(app: App): Promise<string[]> {
  const response = await app.get("/feed.xml");
  expect(response.status).toBe(200);
  const xml = await response.text();
  return [...xml.matchAll(/<guid isPermaLink="false">tag:clubic\.com,2020:brief:([a-z0-9-]+)<\/guid>/g)].map(
    (match) => match[1] ?? "",
  );
}

/** The brief ids of /api/briefs, newest first. */
async function apiIds(app: App): Promise<string[]> {
  const response = await app.get("/api/briefs?limit=50");
  expect(response.status).toBe(200);
  const body = (await response.json()) as { items: { id: string }[]; next: string | null };
  expect(body.next).toBeNull();
  return body.items.map((item) => item.id);
}

/** The manifest the prefix serves now, and its ETag. */
async function storedManifest(): Promise<{ manifest: Manifest; etag: string }> {
  const answer = await s3.store(prefix).get(MANIFEST_KEY);
  if (answer.status !== 200) throw new Error(`no ${MANIFEST_KEY} under ${prefix}`);
  return { manifest: JSON.parse(answer.text) as Manifest, etag: answer.etag };
}

const THREE = { alpha: 1, bravo: 2, charlie: 3 };

describe("publishContent to S3, served by the Node server", () => {
  test("serves a published folder on /feed.xml, /api/briefs and /briefs/{id}", async () => {
    const folder = await ContentFolder.create(work, "content", THREE);
    const result = await publish(folder);
    expect(result).toMatchObject({ changed: true, unchanged: 0, withdrawn: [], pinged: 0, pruned: 0 });
    expect(result.version).toMatch(/^[0-9a-f]{16}$/);
    expect((await storedManifest()).manifest.version).toBe(result.version);

    const app = await serve();
    expect(await feedIds(app)).toEqual(["charlie", "bravo", "alpha"]);
    expect(await apiIds(app)).toEqual(["charlie", "bravo", "alpha"]);
    const page = await app.get("/briefs/bravo");
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Titre de bravo");
    const json = await app.get("/api/briefs/bravo");
    expect(json.status).toBe(200);
    expect(await json.json()).toMatchObject({
      id: "bravo",
      title: "Titre de bravo",
      tags: ["Cloud", "Microsoft"],
    });
    expect((await app.get("/briefs/nobody")).status).toBe(404);
  });

  test("uploads only a few documents for a new brief, which goes live after the TTL without a restart", async () => {
    const folder = await ContentFolder.create(work, "content", THREE);
    const first = await publish(folder);
    const app = await serve();
    expect(await feedIds(app)).toEqual(["charlie", "bravo", "alpha"]);

    await folder.add("delta", 4);
    const second = await publish(folder);
    expect(second.changed).toBe(true);
    expect(second.version).not.toBe(first.version);
    expect(second.uploaded).toBeLessThanOrEqual(20);
    expect(second.unchanged).toBeGreaterThan(0);
    expect(second.uploaded + second.unchanged).toBeGreaterThan(first.uploaded);

    // Within the TTL the app still answers from the version it holds.
    expect(await feedIds(app)).toEqual(["charlie", "bravo", "alpha"]);
    app.afterTtl();
    expect(await feedIds(app)).toEqual(["delta", "charlie", "bravo", "alpha"]);
    expect(await apiIds(app)).toEqual(["delta", "charlie", "bravo", "alpha"]);
    expect((await app.get("/briefs/delta")).status).toBe(200);
  });

  test("drops a withdrawn brief from /feed.xml and /api/briefs, and answers 410 for its pages, also after later publishes", async () => {
    const folder = await ContentFolder.create(work, "content", THREE);
    await publish(folder);
    const app = await serve();
    expect((await app.get("/briefs/bravo")).status).toBe(200);

    await folder.remove("bravo");
    const result = await publish(folder);
    expect(result.withdrawn).toEqual(["bravo"]);
    app.afterTtl();
    expect(await feedIds(app)).toEqual(["charlie", "alpha"]);
    expect(await apiIds(app)).toEqual(["charlie", "alpha"]);
    expect((await app.get("/briefs/bravo")).status).toBe(410);
    const api = await app.get("/api/briefs/bravo");
    expect(api.status).toBe(410);
    expect(await api.json()).toMatchObject({ error: "gone" });

    await folder.add("delta", 4);
    const later = await publish(folder);
    expect(later.withdrawn).toEqual([]);
    app.afterTtl();
    expect(await feedIds(app)).toEqual(["delta", "charlie", "alpha"]);
    expect((await app.get("/briefs/bravo")).status).toBe(410);
    expect((await app.get("/api/briefs/bravo")).status).toBe(410);
  });

  test("uploads nothing when the same content is published twice", async () => {
    const folder = await ContentFolder.create(work, "content", THREE);
    const first = await publish(folder);
    const before = await storedManifest();
    const keys = await s3.store(prefix).list("");

    const second = await publish(folder);
    expect(second).toEqual({
      version: first.version,
      changed: false,
      uploaded: 0,
      unchanged: first.uploaded - 2,
      withdrawn: [],
      pinged: 0,
      pruned: 0,
      invalidated: [],
    });
    expect(describePublish(second)).toMatch(
      new RegExp(`^version ${first.version} was already published: 0 documents uploaded, `),
    );
    expect((await storedManifest()).etag).toBe(before.etag);
    expect(await s3.store(prefix).list("")).toEqual(keys);
  });

  test("fails on a content error naming the file and the field, and leaves manifest.json unchanged", async () => {
    const folder = await ContentFolder.create(work, "content", THREE);
    await publish(folder);
    const before = await storedManifest();
    const keys = await s3.store(prefix).list("");

    await folder.add("delta", 4);
    await folder.write("echo.md", briefFile("echo", 5).replace(/^published: .*$/m, "published: yesterday"));
    const failure = await publish(folder).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ContentError);
    const problems = (failure as ContentError).problems;
    expect(problems).toEqual([
      expect.stringContaining(`${join(folder.dir, "briefs", "echo.md")}: published: `),
    ]);
    expect(problems[0]).toContain("ISO 8601");

    expect((await storedManifest()).etag).toBe(before.etag);
    expect(await s3.store(prefix).list("")).toEqual(keys);
    const app = await serve();
    expect(await feedIds(app)).toEqual(["charlie", "bravo", "alpha"]);
  });

  test("prunes old versions' documents with prune: 1 while the current version still serves whole", async () => {
    const folder = await ContentFolder.create(work, "content", THREE);
    const v1 = await publish(folder);
    await folder.add("delta", 4);
    await publish(folder);
    const warm = await serve();
    expect(await feedIds(warm)).toEqual(["delta", "charlie", "bravo", "alpha"]);
    expect((await warm.get("/briefs/alpha")).status).toBe(200);

    await folder.add("alpha", 1, "Titre corrigé de alpha");
    await folder.remove("charlie");
    const v3 = await publish(folder, { prune: 1, pruneGraceMs: 0 });
    expect(v3.pruned).toBeGreaterThan(0);

    // The store holds exactly what the current version names, and one version in its history.
    const store = s3.store(prefix);
    const { manifest } = await storedManifest();
    expect(manifest.version).toBe(v3.version);
    const named = await namedBy(store, manifest);
    expect(await store.list("")).toEqual([...named.keys, MANIFEST_KEY, HISTORY_KEY].sort());
    expect(await store.list("versions/")).toEqual([versionKey(v3.version)]);
    expect(await store.get(versionKey(v1.version))).toEqual({ status: 404 });
    const history = await store.get(HISTORY_KEY);
    expect(history.status === 200 && JSON.parse(history.text)).toEqual([
      { version: v3.version, published: expect.any(String) },
    ]);

    const cold = await serve();
    warm.afterTtl();
    for (const app of [warm, cold]) {
      expect(await feedIds(app)).toEqual(["delta", "bravo", "alpha"]);
      expect(await apiIds(app)).toEqual(["delta", "bravo", "alpha"]);
      for (const id of ["alpha", "bravo", "delta"]) expect((await app.get(`/briefs/${id}`)).status).toBe(200);
      expect(await (await app.get("/briefs/alpha")).text()).toContain("Titre corrigé de alpha");
      expect((await app.get("/briefs/charlie")).status).toBe(410);
      expect((await app.get("/tags/microsoft/feed.xml")).status).toBe(200);
    }
  });

  // Known hazard: prune keeps only the newest `keep` versions, though instances still hold the previous one
  // until their TTL runs out; a page whose documents were pruned answers 503 there meanwhile.
  test("serves an unread page from a warm server still on the previous version right after prune: 1", async () => {
    const folder = await ContentFolder.create(work, "content", THREE);
    await publish(folder);
    const warm = await serve();
    expect(await feedIds(warm)).toEqual(["charlie", "bravo", "alpha"]);
    await folder.add("alpha", 1, "Titre corrigé de alpha");
    await publish(folder, { prune: 1 });
    vi.spyOn(console, "error").mockImplementation(() => {});
    expect((await warm.get("/briefs/alpha")).status).toBe(200);
  });

  test("keeps serving the last good version while storage is down, and picks up the next one once it is back", async () => {
    const folder = await ContentFolder.create(work, "content", THREE);
    await publish(folder);
    const app = await serve();
    expect(await feedIds(app)).toEqual(["charlie", "bravo", "alpha"]);
    expect((await app.get("/briefs/bravo")).status).toBe(200);

    await s3.stop();
    app.afterTtl();
    expect(await feedIds(app)).toEqual(["charlie", "bravo", "alpha"]);
    expect(await apiIds(app)).toEqual(["charlie", "bravo", "alpha"]);
    expect((await app.get("/briefs/bravo")).status).toBe(200);
    expect(app.warnings).toEqual([
      expect.objectContaining({
        level: "warn",
        store: `s3://briefs/${prefix}`,
        error: expect.stringContaining("could not be reached"),
      }),
    ]);

    await s3.restart();
    await folder.add("delta", 4);
    await publish(folder);
    app.afterTtl();
    expect(await feedIds(app)).toEqual(["delta", "charlie", "bravo", "alpha"]);
  });

  test("answers 503 with Retry-After on a cold start with storage down, and serves once storage is back", async () => {
    const folder = await ContentFolder.create(work, "content", THREE);
    await publish(folder);
    const errors = vi.spyOn(console, "log").mockImplementation(() => {});
    await s3.stop();
    const app = await serve();

    const feed = await app.get("/feed.xml");
    expect(feed.status).toBe(503);
    expect(feed.headers.get("Retry-After")).toBe("30");
    expect(feed.headers.get("Cache-Control")).toBe("no-store");
    await feed.body?.cancel();
    const api = await app.get("/api/briefs");
    expect(api.status).toBe(503);
    expect(api.headers.get("Retry-After")).toBe("30");
    expect(await api.json()).toMatchObject({ error: "unavailable" });
    expect((await app.get("/briefs/alpha")).status).toBe(503);
    expect(errors).toHaveBeenCalled();
    expect(String(errors.mock.calls[0]?.[0])).toContain("could not be reached");

    await s3.restart();
    expect(await feedIds(app)).toEqual(["charlie", "bravo", "alpha"]);
  });

  test("never shows a reader polling during a publish a mix of the two versions", async () => {
    const folder = await ContentFolder.create(work, "content", THREE);
    await publish(folder);
    const app = await serve("0");
    const before = ["charlie", "bravo", "alpha"];
    await folder.remove("charlie");
    const added = Array.from({ length: 12 }, (_, i) => `news-${String(i + 4).padStart(2, "0")}`);
    for (const [i, id] of added.entries()) await folder.add(id, i + 4);
    const after = [...added.reverse(), "bravo", "alpha"];

    const seen: { feed: string[]; api: string[] }[] = [];
    const poll = async () => {
      const [feed, api] = await Promise.all([feedIds(app), apiIds(app)]);
      seen.push({ feed, api });
      return { feed, api };
    };
    await poll();
    let done = false;
    const publishing = publish(folder, { concurrency: 2 }).finally(() => {
      done = true;
    });
    for (let i = 0; i < 400 && !done; i++) await poll();
    const during = seen.length - 1;
    await publishing;
    let last = await poll();
    for (let i = 0; i < 20 && last.api[0] !== after[0]; i++) last = await poll();

    expect(during).toBeGreaterThan(0);
    for (const { feed, api } of seen) {
      expect([before, after]).toContainEqual(feed);
      expect(api).toEqual(feed);
    }
    expect(seen[0]?.feed).toEqual(before);
    expect(last).toEqual({ feed: after, api: after });
  });
});

describe("a content switch under concurrent readers", () => {
  /** Every family of answer, each read from a different set of documents: a mix would show in one of them. */
  const PATHS = [
    "/feed.xml",
    "/atom.xml",
    "/feed.json",
    "/tags/cloud/feed.json",
    "/tags/microsoft/atom.xml",
    "/archive/1/feed.json",
    "/archive/3/feed.xml",
    "/api/briefs?limit=50",
    "/api/briefs/brief-05",
    "/briefs/brief-05",
    "/briefs/brief-16",
    "/tags/cloud",
    "/",
    "/sitemap-news.xml",
  ];

  /**
   * API pages from each cursor, with a few limits, with and without a tag: each is rendered once per version,
   * so readers going through them keep reading the index, archive pages and briefs while the version changes.
   */
  const CURSOR_PAGES = Array.from(
    { length: 16 },
    (_, i) => `brief-${String(i + 1).padStart(2, "0")}`,
  ).flatMap((cursor) =>
    [1, 3, 7].flatMap((limit) =>
      ["", "&tag=cloud"].map((tag) => `/api/briefs?limit=${limit}${tag}&cursor=${cursor}`),
    ),
  );

  /** The status and body of `path`, links made relative: two answers of one version are the same bytes. */
  const answer = async (app: App, path: string) => {
    const response = await app.get(path);
    const text = await response.text();
    return `${response.status}\n${text.replaceAll(app.url, "").replaceAll(encodeURIComponent(app.url), "")}`;
  };

  /** Every path's answer from `app`. */
  const answers = async (app: App, paths: string[]) => {
    const all = new Map<string, string>();
    for (const path of paths) all.set(path, await answer(app, path));
    return all;
  };

  test("gives every answer whole from one version, the old or the new, across feeds, archives, API pages and pages", async () => {
    const folder = await ContentFolder.create(work, "content", {});
    // Four briefs a feed, two an archive page: the 16 briefs span latest/, six archive pages and the index.
    await writeFile(join(folder.dir, "site.yml"), siteYml({ feedSize: 4 }));
    const ids = Array.from({ length: 16 }, (_, i) => `brief-${String(i + 1).padStart(2, "0")}`);
    for (const [i, id] of ids.entries()) await folder.add(id, i + 1, `Version 1 de ${id}`);
    await publish(folder);
    const paths = [...PATHS, ...CURSOR_PAGES];
    const before = await answers(await serve(), paths);
    // The app under test checks the manifest on every request, and has read nothing before the switch starts.
    const app = await serve("0");

    // The new version changes every brief's title, withdraws the newest and adds three.
    for (const [i, id] of ids.entries()) await folder.add(id, i + 1, `Version 2 de ${id}`);
    await folder.remove("brief-16");
    for (const day of [17, 18, 19]) await folder.add(`brief-${day}`, day, `Version 2 de brief-${day}`);
    const seen: { path: string; text: string }[] = [];
    let done = false;
    const publishing = publish(folder, { concurrency: 2 }).finally(() => {
      done = true;
    });
    // Eight readers, each going round every path from its own place, until a round after the switch.
    const reader = async (offset: number) => {
      for (let round = 0, after = 0; round < 50 && after < 1; round++) {
        if (done) after++;
        for (let i = 0; i < paths.length; i++) {
          const path = paths[(offset + i * 7) % paths.length] as string;
          seen.push({ path, text: await answer(app, path) });
        }
      }
    };
    await Promise.all([publishing, ...Array.from({ length: 8 }, (_, offset) => reader(offset * 13))]);
    const after = await answers(await serve(), paths);

    for (const path of PATHS) expect(after.get(path), path).not.toBe(before.get(path));
    const versions = seen.map(({ path, text }) => {
      const marks = new Set([...text.matchAll(/Version ([12]) de/g)].map((match) => match[1]));
      if (marks.size > 1) return `${path} mixes both versions`;
      if (text === before.get(path)) return "old";
      if (text === after.get(path)) return "new";
      return `${path} answered neither version whole: ${text.slice(0, 300)}`;
    });
    expect(versions.filter((version) => version !== "old" && version !== "new")).toEqual([]);
    expect(versions).toContain("old");
    expect(versions).toContain("new");
  });
});

describe("main", () => {
  const target = () => `s3://${s3.bucket}/${prefix}`;
  let out: string[];
  let err: string[];
  const logger = {
    log: (line: unknown) => out.push(String(line)),
    error: (line: unknown) => err.push(String(line)),
  };
  let cwd: string;

  beforeEach(() => {
    out = [];
    err = [];
    for (const [name, value] of Object.entries(s3.env)) vi.stubEnv(name, value);
    vi.stubEnv("AWS_SESSION_TOKEN", "");
    // The parse cache and WebSub state default to .news-brief/ in the working folder: keep them in `work`.
    cwd = process.cwd();
    process.chdir(work);
  });

  afterEach(() => {
    process.chdir(cwd);
  });

  test("publishes to s3:// and prints the summary line", async () => {
    const folder = await ContentFolder.create(work, "content", THREE);
    expect(await main([target(), "--content", folder.dir], logger)).toBe(0);
    const { manifest } = await storedManifest();
    expect(err).toEqual([]);
    expect(out).toEqual([
      expect.stringMatching(
        new RegExp(
          `^published version ${manifest.version}: \\d+ documents uploaded, 0 unchanged, 0 briefs withdrawn, 0 feeds pinged$`,
        ),
      ),
    ]);
    expect(existsSync(join(work, ".news-brief", "parsed"))).toBe(true);

    await folder.remove("alpha");
    expect(await main([target(), "--content", folder.dir, "--prune", "1"], logger)).toBe(0);
    expect(out[1]).toMatch(
      // The version it replaced is kept for PRUNE_GRACE_MS, so that running functions can finish on it.
      /^published version [0-9a-f]{16}: \d+ documents uploaded, \d+ unchanged, 1 brief withdrawn, 0 feeds pinged$/,
    );

    expect(await main([target(), "--content", folder.dir], logger)).toBe(0);
    expect(out[2]).toMatch(
      /^version [0-9a-f]{16} was already published: 0 documents uploaded, \d+ unchanged, /,
    );
  });

  test.each([
    [[], "say where to publish"],
    [["s3://briefs/a", "s3://briefs/b"], "one destination only; got s3://briefs/b"],
    [["s3://briefs/a", "--prune", "0"], '--prune takes a number of versions to keep, at least 1; got "0"'],
    [
      ["s3://briefs/a", "--prune", "many"],
      '--prune takes a number of versions to keep, at least 1; got "many"',
    ],
    [["s3://briefs/a", "--force"], "Unknown option '--force'"],
  ])("exits 2 with the usage on bad arguments %j", async (args, message) => {
    expect(await main(args, logger)).toBe(2);
    expect(out).toEqual([]);
    expect(err).toHaveLength(1);
    expect(err[0]).toContain(message);
    expect(err[0]).toMatch(
      /\nusage: .* <s3:\/\/bucket\/prefix \| folder> \[--content content\] \[--prune N\] \[--invalidate distribution-id\]$/,
    );
  });

  test("exits 1 on a content error, naming the file", async () => {
    const folder = await ContentFolder.create(work, "content", THREE);
    await folder.write("Bad Name.md", briefFile("bad", 9));
    expect(await main([target(), "--content", folder.dir], logger)).toBe(1);
    expect(err).toEqual([
      expect.stringMatching(/^Publish failed: content has 1 problem:\n {2}.*Bad Name\.md: file name: /),
    ]);
    expect(await s3.store(prefix).get(MANIFEST_KEY)).toEqual({ status: 404 });
  });

  test("exits 1 when storage is down, saying manifest.json was not changed", async () => {
    const folder = await ContentFolder.create(work, "content", THREE);
    await s3.stop();
    expect(await main([target(), "--content", folder.dir], logger)).toBe(1);
    expect(err).toEqual([
      expect.stringMatching(
        /^Publish failed: s3:\/\/briefs\/site-\d+ could not be reached .*; manifest\.json was not changed$/,
      ),
    ]);
  });

  test("exits 1 on a bad NEWS_BRIEF_S3_ENDPOINT, naming the variable", async () => {
    const folder = await ContentFolder.create(work, "content", THREE);
    vi.stubEnv("NEWS_BRIEF_S3_ENDPOINT", "ftp://127.0.0.1:1");
    expect(await main([target(), "--content", folder.dir], logger)).toBe(1);
    expect(err).toEqual([
      expect.stringMatching(/^Publish failed: NEWS_BRIEF_S3_ENDPOINT must be an http\(s\) URL/),
    ]);
  });
});

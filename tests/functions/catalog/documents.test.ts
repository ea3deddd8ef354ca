// A damaged store document (truncated, garbage, the wrong kind, or gone though the manifest names it), read by
// the whole app from a real folder and from a real S3 server: the requests that need it answer a clear 503 with
// Retry-After in their family's format, the rest of the site is served, one JSON line names the key, and the
// bad copy is not kept: once the document is repaired, the same requests answer 200.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from "vitest";
import { allSections } from "../../../functions/all-sections.js";
import { createApp } from "../../../functions/app.js";
import { Content } from "../../../functions/catalog/content.js";
import { indexKey, MANIFEST_KEY, type Manifest, shardOf } from "../../../functions/catalog/store-layout.js";
import type { LogEntry } from "../../../functions/log/logger.js";
import type { ContentStore } from "../../../functions/store/content-store.js";
import { FileStore } from "../../../functions/store/file-store.js";
import { compileInto } from "../../../infra/store/compile-store.js";
import { generatedCatalog } from "../../fixtures/catalog.js";
import { type S3Server, startS3Server } from "../../support/s3-server.js";
import { WIDGET_SCRIPT } from "../../support/test-app.js";

// 60 briefs, 20 a feed: the newest 20 are in latest/, the others on six archive pages of 10 (brief-0021 to
// brief-0030 on page 3). Every third brief is tagged Microsoft and Éthique, the others Cloud.
const documents = new Map<string, string>();
compileInto(generatedCatalog(60), ({ key, text }) => void documents.set(key, text));
const manifest = JSON.parse(documents.get(MANIFEST_KEY) ?? "") as Manifest;

/** The one key that starts with `start`. */
function keyOf(start: string): string {
  const keys = [...documents.keys()].filter((key) => key.startsWith(start));
  if (keys.length !== 1) throw new Error(`${keys.length} documents start with ${start}`);
  return keys[0] as string;
}

const shardOfBrief = (id: string) => manifest.shards[shardOf(indexKey.brief(id))] as string;

/** One kind of document, the requests that need it, and requests of each family that do not. */
const kinds: { kind: string; key: string; affected: string[]; unaffected: string[] }[] = [
  {
    kind: "a brief document",
    key: keyOf("briefs/brief-0030."),
    affected: [
      "/briefs/brief-0030",
      "/api/briefs/brief-0030",
      "/archive/3/feed.xml",
      "/api/briefs?cursor=brief-0031&limit=5",
    ],
    unaffected: ["/briefs/brief-0031", "/api/briefs/brief-0029", "/feed.xml", "/archive/2/atom.xml", "/"],
  },
  {
    kind: "an archive page",
    key: keyOf("archive/_all/3."),
    affected: ["/archive/3/feed.json", "/api/briefs?cursor=brief-0031&limit=5"],
    unaffected: [
      "/archive/2/feed.json",
      "/feed.json",
      "/api/briefs?cursor=brief-0051&limit=5",
      "/briefs/brief-0025",
    ],
  },
  {
    kind: "an index shard",
    key: shardOfBrief("brief-0042"),
    affected: ["/briefs/brief-0042", "/api/briefs/brief-0042"],
    unaffected: ["/briefs/brief-0043", "/api/briefs/brief-0043", "/feed.xml", "/api/briefs"],
  },
  {
    kind: "a latest/<set> document",
    key: manifest.sets.cloud?.latest as string,
    affected: ["/tags/cloud/feed.xml", "/tags/cloud", "/api/briefs?tag=cloud"],
    unaffected: ["/tags/ethique/feed.xml", "/tags/ethique", "/api/briefs?tag=ethique", "/atom.xml"],
  },
  {
    kind: "a sitemap",
    key: manifest.sitemaps?.find((sitemap) => sitemap.name === "briefs-1")?.doc as string,
    affected: ["/sitemaps/briefs-1.xml"],
    unaffected: ["/sitemaps/pages-1.xml", "/sitemap.xml", "/robots.txt"],
  },
];

/** Ways a document goes bad: the bytes put in its place, or null for a document deleted. */
const damages: { damage: string; bytes: (text: string) => Buffer | null }[] = [
  { damage: "truncated", bytes: (text) => Buffer.from(text.slice(0, Math.floor(text.length / 2))) },
  { damage: "empty", bytes: () => Buffer.alloc(0) },
  // Bytes that are not UTF-8, as a disk or a transfer gone wrong leaves them.
  {
    damage: "garbage bytes",
    bytes: () => Buffer.from([0xff, 0xfe, 0x00, 0x7b, 0xc3, 0x28, 0x80, 0x9f, 0x22]),
  },
  { damage: "the wrong kind of document", bytes: () => Buffer.from(documents.get(MANIFEST_KEY) ?? "") },
  {
    damage: "an HTML error page",
    bytes: () => Buffer.from("<html><body><h1>502 Bad Gateway</h1></body></html>"),
  },
  { damage: "deleted (a 404 for a key the manifest names)", bytes: () => null },
];

/** A store the app reads, and how the test damages and repairs one of its documents. */
interface Backend {
  store: ContentStore;
  put(key: string, bytes: Buffer): Promise<void>;
  remove(key: string): Promise<void>;
}

let folder: string;
let s3: S3Server;
const backends: Record<string, () => Backend> = {};

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), "news-brief-damaged-store-"));
  const files = new FileStore(folder, "bundled");
  for (const [key, text] of documents) await files.put(key, text);
  backends.FileStore = () => ({
    store: files,
    put: (key, bytes) => writeFile(join(folder, key), bytes),
    remove: (key) => files.delete(key),
  });

  s3 = await startS3Server();
  await s3.seed([...documents].map(([key, text]) => [`damaged/${key}`, text]));
  const bucket = s3.store("damaged");
  backends.S3Store = () => ({
    store: bucket,
    // An S3 PUT carries text; bytes that are not UTF-8 arrive as replacement characters, still not JSON.
    put: (key, bytes) => bucket.put(key, bytes.toString("utf8")),
    remove: (key) => bucket.delete(key),
  });
});

afterAll(async () => {
  await s3?.close();
  await rm(folder, { recursive: true, force: true });
});

afterEach(() => {
  vi.restoreAllMocks();
});

/** A fresh app over `store` (nothing read yet), and the JSON lines it writes to stdout. */
function serve(store: ContentStore) {
  const lines: LogEntry[] = [];
  vi.spyOn(console, "log").mockImplementation((line: unknown) => {
    lines.push(JSON.parse(String(line)) as LogEntry);
  });
  const warnings: LogEntry[] = [];
  const content = new Content(store, { logger: { log: (entry) => warnings.push(entry) } });
  const app = createApp(content, allSections(WIDGET_SCRIPT), { logger: { log() {} } });
  return { lines, warnings, get: (path: string) => app.request(`http://briefs.example.com${path}`) };
}

/** Checks a 503 answer's status, headers and body in the format of the path's family. */
async function expectUnavailable(path: string, response: Response): Promise<void> {
  expect(response.status, path).toBe(503);
  expect(response.headers.get("Retry-After"), path).toBe("30");
  expect(response.headers.get("Cache-Control"), path).toBe("no-store");
  const type = response.headers.get("Content-Type") ?? "";
  const body = await response.text();
  if (path.startsWith("/api/")) {
    expect(type, path).toBe("application/json; charset=utf-8");
    expect(JSON.parse(body), path).toEqual({
      error: "unavailable",
      message: "The content is unavailable for a moment; please try again shortly.",
    });
  } else if (/\.(xml|json)$/.test(path)) {
    expect(type, path).toMatch(/^text\/plain/);
    expect(body, path).toBe("503 The content is unavailable for a moment; please try again shortly.\n");
  } else {
    expect(type, path).toBe("text/html; charset=utf-8");
    expect(body, path).toContain("<h1>Cette page est momentanément indisponible</h1>");
    expect(body, path).toContain(`<code>${path}</code>`);
  }
}

describe.each(["FileStore", "S3Store"])("a damaged document in a %s", (name) => {
  describe.each(kinds)("$kind", ({ key, affected, unaffected }) => {
    test.each(damages)(
      "$damage: 503 where it is needed, the rest served, the key logged, then repaired",
      async ({ bytes }) => {
        const backend = (backends[name] as () => Backend)();
        const original = documents.get(key) as string;
        const damaged = bytes(original);
        try {
          if (damaged) await backend.put(key, damaged);
          else await backend.remove(key);
          const app = serve(backend.store);

          for (const path of affected) await expectUnavailable(path, await app.get(path));
          for (const path of unaffected) expect((await app.get(path)).status, path).toBe(200);

          expect(app.lines).toHaveLength(affected.length);
          for (const [i, line] of app.lines.entries()) {
            expect(line).toMatchObject({
              level: "error",
              message: "content store document unreadable",
              path: new URL(affected[i] as string, "http://x").pathname,
              store: backend.store.name,
              key,
            });
            expect(line.error).toMatch(
              new RegExp(`^${backend.store.name}: ${key.replace(/\./g, "\\.")} is `),
            );
          }
          expect(app.warnings).toEqual([]);

          await backend.put(key, Buffer.from(original));
          for (const path of affected) expect((await app.get(path)).status, `${path} repaired`).toBe(200);
        } finally {
          await backend.put(key, Buffer.from(original));
        }
      },
    );
  });
});

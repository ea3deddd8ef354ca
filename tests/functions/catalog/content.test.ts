// Content over in-memory and stub stores, on a fake clock: one read per TTL, conditional checks, new versions
// picked up, and the last good version kept while the store fails.
import { afterEach, describe, expect, test, vi } from "vitest";
import { Content, type ContentOptions } from "../../../functions/catalog/content.js";
import { CorruptDocumentError } from "../../../functions/catalog/documents.js";
import { MANIFEST_KEY } from "../../../functions/catalog/store-layout.js";
import {
  type ContentStore,
  type ReadOptions,
  type StoreAnswer,
  StoreUnavailableError,
} from "../../../functions/store/content-store.js";
import { MemoryStore, validator } from "../../../functions/store/memory-store.js";
import type { Catalog } from "../../../infra/content/catalog.js";
import { compileStore } from "../../../infra/store/compile-store.js";
import { generatedCatalog } from "../../fixtures/catalog.js";

/** One read the stub saw, and what it answered. */
interface Read {
  key: string;
  etag: string | undefined;
  signal: AbortSignal | undefined;
  status?: number;
}

/** A store in front of a MemoryStore that records every read and can fail, hang or wait on a gate. */
class StubStore implements ContentStore {
  readonly name = "stub";
  readonly reads: Read[] = [];
  /** Replaces the inner store's answer while set. */
  answer: ((key: string, options: ReadOptions) => Promise<StoreAnswer>) | undefined;
  /** Reads wait for this before answering, while set. */
  gate: Promise<void> | undefined;

  constructor(readonly inner = new MemoryStore()) {}

  async get(key: string, options: ReadOptions = {}): Promise<StoreAnswer> {
    const read: Read = { key, etag: options.etag, signal: options.signal };
    this.reads.push(read);
    if (this.gate) await this.gate;
    const answer = await (this.answer ?? ((k, o) => this.inner.get(k, o)))(key, options);
    read.status = answer.status;
    return answer;
  }

  manifestReads(): Read[] {
    return this.reads.filter((read) => read.key === MANIFEST_KEY);
  }

  failWith(error: unknown): void {
    this.answer = () => Promise.reject(error);
  }

  /** Never answers; rejects with the signal's reason once it aborts. */
  hang(): void {
    this.answer = (_, { signal }) =>
      new Promise((_resolve, reject) => {
        signal?.addEventListener("abort", () => reject(signal.reason), { once: true });
      });
  }

  recover(): void {
    this.answer = undefined;
  }
}

/** Writes the compiled `catalog` into `store`, manifest last, as a publish does. */
async function publishInto(store: MemoryStore, catalog: Catalog): Promise<string> {
  const documents = compileStore(catalog);
  let step = documents.next();
  for (; !step.done; step = documents.next()) await store.put(step.value.key, step.value.text);
  const [manifest, copy] = step.value.manifestDocuments;
  if (!manifest || !copy) throw new Error("compileStore returned no manifest");
  await store.put(copy.key, copy.text);
  await store.put(manifest.key, manifest.text);
  return step.value.manifest.version;
}

/** A controllable clock, in milliseconds. */
function fakeClock(start = 1_700_000_000_000) {
  let time = start;
  return {
    now: () => time,
    advance: (ms: number) => {
      time += ms;
    },
  };
}

/** A StubStore holding `catalog`, the Content over it on a fake clock, and the warnings it logs. */
async function setUp(catalog: Catalog = generatedCatalog(3), options: ContentOptions = {}) {
  const store = new StubStore();
  const version = await publishInto(store.inner, catalog);
  const clock = fakeClock();
  const logged: Record<string, unknown>[] = [];
  const content = new Content(store, {
    ttlSeconds: 30,
    now: clock.now,
    logger: { log: (entry) => logged.push(entry) },
    ...options,
  });
  return { store, version, clock, logged, content };
}

/** A promise and the function that settles it. */
function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = () => {};
  const promise = new Promise<void>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("Content", () => {
  test("reads the manifest on a cold start, without a validator or a deadline", async () => {
    const { store, version, content } = await setUp();
    const snapshot = await content.snapshot();
    expect(snapshot.version).toBe(version);
    expect(store.reads).toEqual([{ key: MANIFEST_KEY, etag: undefined, signal: undefined, status: 200 }]);
    expect((await snapshot.latest()).map((brief) => brief.id)).toEqual([
      "brief-0003",
      "brief-0002",
      "brief-0001",
    ]);
  });

  test("returns the same Snapshot within the TTL without reading the store", async () => {
    const { store, clock, content } = await setUp();
    const first = await content.snapshot();
    clock.advance(29_999);
    expect(await content.snapshot()).toBe(first);
    expect(await content.snapshot()).toBe(first);
    expect(store.manifestReads()).toHaveLength(1);
  });

  test("checks again once the TTL has run out, sending the ETag, and keeps the Snapshot on a 304", async () => {
    const { store, clock, content } = await setUp();
    const first = await content.snapshot();
    const manifest = await store.inner.get(MANIFEST_KEY);
    if (manifest.status !== 200) throw new Error("no manifest");

    clock.advance(30_000);
    expect(await content.snapshot()).toBe(first);
    const reads = store.manifestReads();
    expect(reads).toHaveLength(2);
    expect(reads[1]).toMatchObject({ etag: validator(manifest.text), status: 304 });
    expect(reads[1]?.signal).toBeInstanceOf(AbortSignal);

    // The TTL starts again from that check.
    clock.advance(29_999);
    await content.snapshot();
    expect(store.manifestReads()).toHaveLength(2);
  });

  test("defaults the TTL to 30 seconds", async () => {
    const { store, clock, content } = await setUp(generatedCatalog(2), { ttlSeconds: undefined });
    await content.snapshot();
    clock.advance(29_999);
    await content.snapshot();
    expect(store.manifestReads()).toHaveLength(1);
    clock.advance(1);
    await content.snapshot();
    expect(store.manifestReads()).toHaveLength(2);
  });

  test("checks on every call with a TTL of 0", async () => {
    const { store, content } = await setUp(generatedCatalog(2), { ttlSeconds: 0 });
    const first = await content.snapshot();
    expect(await content.snapshot()).toBe(first);
    expect(await content.snapshot()).toBe(first);
    expect(store.manifestReads().map((read) => read.status)).toEqual([200, 304, 304]);
  });

  test("picks up a new manifest version after the TTL, not before, and the old Snapshot still reads its own", async () => {
    const { store, version, clock, content } = await setUp();
    const old = await content.snapshot();
    const next = await publishInto(store.inner, generatedCatalog(4));
    expect(next).not.toBe(version);

    clock.advance(10_000);
    expect((await content.snapshot()).version).toBe(version);
    clock.advance(20_000);
    const fresh = await content.snapshot();
    expect(fresh.version).toBe(next);
    expect(fresh).not.toBe(old);
    expect(await fresh.latest()).toHaveLength(4);
    expect(await old.latest()).toHaveLength(3);
    expect((await fresh.lookup("brief-0004")).kind).toBe("brief");
    expect((await old.lookup("brief-0004")).kind).toBe("missing");
  });

  test("keeps the Snapshot when the manifest is rewritten under a new ETag but the same version", async () => {
    const { store, clock, content } = await setUp();
    const first = await content.snapshot();
    const text = await store.inner.get(MANIFEST_KEY);
    if (text.status !== 200) throw new Error("no manifest");
    store.answer = async (key, options) =>
      key === MANIFEST_KEY
        ? { status: 200, text: text.text, etag: '"rewritten"' }
        : store.inner.get(key, options);
    clock.advance(30_000);
    expect(await content.snapshot()).toBe(first);
    clock.advance(30_000);
    await content.snapshot();
    expect(store.manifestReads()[2]?.etag).toBe('"rewritten"');
  });

  test("keeps serving the last good version when the store throws, logs it, and tries again only after the TTL", async () => {
    const { store, version, clock, logged, content } = await setUp();
    const good = await content.snapshot();
    store.failWith(new StoreUnavailableError("stub is down"));
    clock.advance(30_000);

    expect(await content.snapshot()).toBe(good);
    expect(logged).toEqual([
      {
        level: "warn",
        message: "content store unavailable; serving the last good version",
        store: "stub",
        version,
        error: "stub is down",
      },
    ]);
    clock.advance(29_999);
    expect(await content.snapshot()).toBe(good);
    expect(store.manifestReads()).toHaveLength(2);

    store.recover();
    const next = await publishInto(store.inner, generatedCatalog(4));
    clock.advance(1);
    expect((await content.snapshot()).version).toBe(next);
    expect(logged).toHaveLength(1);
  });

  test("names the store in the warning when the store fails with another error", async () => {
    const { store, clock, logged, content } = await setUp();
    const good = await content.snapshot();
    store.failWith(new TypeError("fetch failed"));
    clock.advance(30_000);
    expect(await content.snapshot()).toBe(good);
    expect(logged[0]).toMatchObject({ level: "warn", error: "stub: fetch failed" });
  });

  test("keeps the last good version when the manifest disappears or is not a manifest", async () => {
    const { store, clock, logged, content } = await setUp();
    const good = await content.snapshot();
    await store.inner.delete(MANIFEST_KEY);
    clock.advance(30_000);
    expect(await content.snapshot()).toBe(good);
    await store.inner.put(MANIFEST_KEY, '{"format":2}');
    clock.advance(30_000);
    expect(await content.snapshot()).toBe(good);
    await store.inner.put(MANIFEST_KEY, "<html>not json</html>");
    clock.advance(30_000);
    expect(await content.snapshot()).toBe(good);
    expect(logged.map((entry) => entry.error)).toEqual([
      "stub has no manifest.json; publish the content first",
      "stub: manifest.json is not a news-brief manifest of format 1",
      expect.stringMatching(/^stub: .*JSON/),
    ]);
  });

  test.each<[string, (manifest: string) => string]>([
    ["cut in half", (manifest) => manifest.slice(0, manifest.length / 2)],
    ["empty", () => ""],
    ["bytes that are not UTF-8, decoded", () => "\uFFFD\uFFFD\u0000{\uFFFD("],
    [
      "of format 1 but without a site",
      (manifest) => JSON.stringify({ ...JSON.parse(manifest), site: undefined }),
    ],
    ["without the set of every brief", (manifest) => JSON.stringify({ ...JSON.parse(manifest), sets: {} })],
    [
      "with a site whose feedSize is text",
      (manifest) => {
        const parsed = JSON.parse(manifest);
        return JSON.stringify({ ...parsed, version: "v2", site: { ...parsed.site, feedSize: "20" } });
      },
    ],
  ])(
    "keeps the last good version when the new manifest is %s, and names it in the warning",
    async (_, damage) => {
      const { store, version, clock, logged, content } = await setUp();
      const good = await content.snapshot();
      const manifest = await store.inner.get(MANIFEST_KEY);
      if (manifest.status !== 200) throw new Error("no manifest");
      await store.inner.put(MANIFEST_KEY, damage(manifest.text));
      clock.advance(30_000);
      expect(await content.snapshot()).toBe(good);
      expect(await good.latest()).toHaveLength(3);
      expect(logged).toEqual([
        expect.objectContaining({
          level: "warn",
          version,
          error: expect.stringMatching(/^stub: manifest\.json is not /),
        }),
      ]);
    },
  );

  test("gives up a check that outlasts checkTimeoutMs and keeps serving the last good version", async () => {
    const { store, clock, logged, content } = await setUp(generatedCatalog(3), { checkTimeoutMs: 50 });
    const good = await content.snapshot();
    store.hang();
    clock.advance(30_000);
    const started = performance.now();
    expect(await content.snapshot()).toBe(good);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(store.manifestReads()[1]?.signal?.aborted).toBe(true);
    expect(logged).toHaveLength(1);
    expect(logged[0]?.error).toMatch(/^stub: .*timeout/i);
  });

  test("writes warnings to stdout (console.log) as one JSON line by default", async () => {
    const warn = vi.spyOn(console, "log").mockImplementation(() => {});
    const store = new StubStore();
    const version = await publishInto(store.inner, generatedCatalog(2));
    const clock = fakeClock();
    const content = new Content(store, { ttlSeconds: 1, now: clock.now });
    await content.snapshot();
    store.failWith(new StoreUnavailableError("stub is down"));
    clock.advance(1000);
    await content.snapshot();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(JSON.parse(String(warn.mock.calls[0]?.[0]))).toMatchObject({
      level: "warn",
      store: "stub",
      version,
      error: "stub is down",
    });
  });

  test("rejects with StoreUnavailableError on a cold start with the store down, and reads again on the next call", async () => {
    const { store, version, logged, content } = await setUp();
    const cause = new TypeError("fetch failed");
    store.failWith(cause);
    const failure = await content.snapshot().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(StoreUnavailableError);
    expect((failure as Error).message).toBe("stub: fetch failed");
    expect((failure as Error).cause).toBe(cause);
    await expect(content.snapshot()).rejects.toThrow(StoreUnavailableError);
    expect(logged).toEqual([]);

    store.recover();
    expect((await content.snapshot()).version).toBe(version);
  });

  test("rejects a cold start with the store's own StoreUnavailableError unchanged", async () => {
    const { store, content } = await setUp();
    const down = new StoreUnavailableError("s3://briefs could not be reached (fetch failed)");
    store.failWith(down);
    await expect(content.snapshot()).rejects.toBe(down);
  });

  test("rejects a cold start on a store with no manifest, saying to publish first", async () => {
    const content = new Content(new MemoryStore({}, "empty"));
    await expect(content.snapshot()).rejects.toThrow(
      new StoreUnavailableError("empty has no manifest.json; publish the content first"),
    );
  });

  test("rejects a cold start on a manifest of another format with CorruptDocumentError naming the key", async () => {
    const content = new Content(new MemoryStore({ [MANIFEST_KEY]: '{"format":2,"version":"x"}' }, "odd"));
    const failure = content.snapshot();
    await expect(failure).rejects.toThrow(
      new CorruptDocumentError("odd", MANIFEST_KEY, "is not a news-brief manifest of format 1"),
    );
    await expect(failure).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(failure).rejects.toMatchObject({ key: MANIFEST_KEY });
  });

  test("shares one read among concurrent snapshot() calls, on a cold start and after the TTL", async () => {
    const { store, clock, content } = await setUp();
    const gate = deferred();
    store.gate = gate.promise;
    const cold = Array.from({ length: 5 }, () => content.snapshot());
    await Promise.resolve();
    expect(store.manifestReads()).toHaveLength(1);
    gate.resolve();
    const snapshots = await Promise.all(cold);
    expect(new Set(snapshots).size).toBe(1);
    expect(store.manifestReads()).toHaveLength(1);

    const again = deferred();
    store.gate = again.promise;
    clock.advance(30_000);
    const warm = Array.from({ length: 5 }, () => content.snapshot());
    again.resolve();
    expect(new Set(await Promise.all(warm))).toEqual(new Set(snapshots));
    expect(store.manifestReads()).toHaveLength(2);
  });

  test("shares one failing read among concurrent cold calls, then reads afresh", async () => {
    const { store, content } = await setUp();
    const gate = deferred();
    store.gate = gate.promise;
    store.failWith(new StoreUnavailableError("stub is down"));
    const calls = Array.from({ length: 3 }, () => content.snapshot().catch((error: unknown) => error));
    gate.resolve();
    const failures = await Promise.all(calls);
    expect(new Set(failures).size).toBe(1);
    expect(store.manifestReads()).toHaveLength(1);

    store.gate = undefined;
    store.recover();
    await content.snapshot();
    expect(store.manifestReads()).toHaveLength(2);
  });
});

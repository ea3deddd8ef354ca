// S3Store against a real S3-compatible server (s3rver on loopback), and against a server that never answers.
import { createServer, type Server, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { StoreUnavailableError } from "../../../functions/store/content-store.js";
import { S3Store } from "../../../functions/store/s3-store.js";
import { type S3Server, startS3Server } from "../../support/s3-server.js";

let s3: S3Server;
let prefixes = 0;

beforeAll(async () => {
  s3 = await startS3Server();
});

afterAll(async () => {
  await s3.close();
});

/** A store under a prefix no other test uses. */
function freshStore(options: { timeoutMs?: number } = {}): S3Store {
  prefixes++;
  return s3.store(`test-${prefixes}`, options);
}

/** Runs `task` over `items`, `limit` at a time. */
async function inParallel<T>(items: T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await task(items[next++] as T);
  };
  await Promise.all(Array.from({ length: limit }, worker));
}

/** A loopback TCP server that calls `onData` for every request it receives; closed with its sockets. */
async function rawServer(
  onData: (socket: Socket) => void,
): Promise<{ endpoint: string; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => {});
    socket.on("data", () => onData(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    endpoint: `http://127.0.0.1:${port}`,
    close: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** An S3Store on a bucket at `endpoint`, giving up after `timeoutMs`. */
function storeAt(endpoint: string, timeoutMs: number): S3Store {
  return new S3Store({
    bucket: "briefs",
    prefix: "",
    endpoint,
    region: "us-east-1",
    accessKeyId: "S3RVER",
    secretAccessKey: "S3RVER",
    timeoutMs,
  });
}

describe("S3Store on s3rver", () => {
  test("names itself by bucket and prefix", () => {
    expect(s3.store("site/prod").name).toBe("s3://briefs/site/prod");
    expect(s3.store("").name).toBe("s3://briefs");
  });

  test("reads back what it wrote, with a quoted ETag", async () => {
    const store = freshStore();
    const text = JSON.stringify({ title: "Éthique et cloud 🦊", points: ["un", "deux"] });
    await store.put("briefs/one.json", text);
    const answer = await store.get("briefs/one.json");
    expect(answer).toEqual({ status: 200, text, etag: expect.stringMatching(/^"[^"]+"$/) });
  });

  test("answers 404 for a key it does not hold", async () => {
    const store = freshStore();
    expect(await store.get("manifest.json")).toEqual({ status: 404 });
  });

  test("answers 304 when If-None-Match names the current ETag, and 200 once the document changed", async () => {
    const store = freshStore();
    await store.put("manifest.json", '{"version":"a"}');
    const first = await store.get("manifest.json");
    if (first.status !== 200) throw new Error(`expected 200, got ${first.status}`);
    expect(await store.get("manifest.json", { etag: first.etag })).toEqual({ status: 304 });

    await store.put("manifest.json", '{"version":"b"}');
    const second = await store.get("manifest.json", { etag: first.etag });
    expect(second).toMatchObject({ status: 200, text: '{"version":"b"}' });
    expect(second.status === 200 && second.etag).not.toBe(first.etag);
  });

  test("lists only the keys under a prefix, relative to the store's own prefix, sorted", async () => {
    const store = freshStore();
    const neighbour = s3.store(`${store.options.prefix}-neighbour`);
    await Promise.all([
      store.put("briefs/b.json", "b"),
      store.put("briefs/a.json", "a"),
      store.put("index/00.json", "i"),
      store.put("manifest.json", "m"),
      neighbour.put("briefs/c.json", "c"),
    ]);
    expect(await store.list("briefs/")).toEqual(["briefs/a.json", "briefs/b.json"]);
    expect(await store.list("")).toEqual([
      "briefs/a.json",
      "briefs/b.json",
      "index/00.json",
      "manifest.json",
    ]);
    expect(await store.list("nothing/")).toEqual([]);
  });

  test("lists more than 1,000 keys by following continuation tokens", async () => {
    let lists = 0;
    const counting: typeof fetch = (input, init) => {
      if (input instanceof Request && new URL(input.url).searchParams.get("list-type") === "2") lists++;
      return fetch(input, init);
    };
    prefixes++;
    const prefix = `test-${prefixes}`;
    const store = new S3Store({ ...s3.store(prefix).options, fetch: counting });
    const keys = Array.from({ length: 1050 }, (_, i) => `briefs/${String(i).padStart(4, "0")}.json`);
    // 1,000 objects seeded into the server's storage (1,000 signed PUTs take seconds), 50 sent as PUTs.
    await s3.seed(keys.slice(0, 1000).map((key): [string, string] => [`${prefix}/${key}`, "{}"]));
    await inParallel(keys.slice(1000), 8, (key) => store.put(key, "{}"));
    await store.put("other/x.json", "{}");

    const listed = await store.list("briefs/");
    expect(listed).toEqual(keys);
    expect(lists).toBe(2);
    expect(await store.get("briefs/0000.json")).toMatchObject({ status: 200, text: "{}" });
  });

  test("deletes a key, and deleting a missing key succeeds", async () => {
    const store = freshStore();
    await store.put("briefs/gone.json", "x");
    await store.put("briefs/kept.json", "y");
    await store.delete("briefs/gone.json");
    expect(await store.get("briefs/gone.json")).toEqual({ status: 404 });
    expect(await store.list("")).toEqual(["briefs/kept.json"]);
    await expect(store.delete("briefs/never.json")).resolves.toBeUndefined();
  });

  test("round-trips keys with slashes, spaces, non-ASCII and URL-reserved characters", async () => {
    const store = freshStore();
    const keys = [
      "a/b/c/deep.json",
      "with space/and+plus.json",
      "accents/éthique-日本-🦊.json",
      "reserved/q?x=1&y=2#frag.json",
      "reserved/percent%20sign.json",
      'reserved/markup<a>"b".json',
      "reserved/!()*~.json",
      "quote/it's.json",
    ];
    for (const key of keys) await store.put(key, `text of ${key}`);
    for (const key of keys) {
      expect(await store.get(key)).toMatchObject({ status: 200, text: `text of ${key}` });
    }
    // Every key lists as written but the apostrophe's (see the known bug below).
    const listed = (await store.list("")).filter((key) => !key.startsWith("quote/"));
    expect(listed).toEqual(keys.filter((key) => !key.startsWith("quote/")).sort());
  });

  // Known bug: list() decodes only the five named XML entities, but servers also escape with numeric
  // references (s3rver writes ' as &#x27;), so such a key comes back as "it&#x27;s.json".
  test("lists a key holding an apostrophe as written", async () => {
    const store = freshStore();
    await store.put("it's.json", "x");
    expect(await store.list("")).toEqual(["it's.json"]);
  });

  test("rejects with StoreUnavailableError, not a TypeError, while the server is down, and reads again once it is back", async () => {
    const store = freshStore();
    await store.put("manifest.json", "{}");
    await s3.stop();
    try {
      const failure = await store.get("manifest.json").catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(StoreUnavailableError);
      expect((failure as Error).message).toMatch(/^s3:\/\/briefs\/test-\d+ could not be reached/);
      await expect(store.put("x.json", "{}")).rejects.toThrow(StoreUnavailableError);
      await expect(store.list("")).rejects.toThrow(StoreUnavailableError);
      await expect(store.delete("x.json")).rejects.toThrow(StoreUnavailableError);
    } finally {
      await s3.restart();
    }
    expect(await store.get("manifest.json")).toMatchObject({ status: 200, text: "{}" });
  });

  test("rejects with StoreUnavailableError naming the S3 error code for an unknown access key", async () => {
    const store = new S3Store({ ...s3.store("").options, accessKeyId: "NOBODY" });
    await expect(store.get("manifest.json")).rejects.toThrow(
      /^s3:\/\/briefs: GET manifest\.json answered 403 InvalidAccessKeyId$/,
    );
  });

  test("rejects with StoreUnavailableError naming the S3 error code when the bucket does not exist", async () => {
    const store = new S3Store({ ...s3.store("").options, bucket: "no-such-bucket" });
    await expect(store.put("x.json", "{}")).rejects.toThrow(
      /^s3:\/\/no-such-bucket: PUT x\.json answered 404 NoSuchBucket$/,
    );
    await expect(store.list("")).rejects.toThrow(StoreUnavailableError);
  });
});

describe("S3Store on a server that never answers", () => {
  test("gives up after timeoutMs with StoreUnavailableError", async () => {
    const silent = await rawServer(() => {});
    try {
      const started = performance.now();
      const failure = await storeAt(silent.endpoint, 150)
        .get("manifest.json")
        .catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(StoreUnavailableError);
      expect((failure as Error).message).toMatch(/^s3:\/\/briefs did not answer in time/);
      expect(performance.now() - started).toBeLessThan(2000);
    } finally {
      await silent.close();
    }
  });

  test("gives up when the caller's signal aborts first", async () => {
    const silent = await rawServer(() => {});
    try {
      const failure = await storeAt(silent.endpoint, 5000)
        .get("manifest.json", { signal: AbortSignal.timeout(100) })
        .catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(StoreUnavailableError);
      expect((failure as Error).message).toMatch(/did not answer in time/);
    } finally {
      await silent.close();
    }
  });

  // Known bug: the timeout also aborts the body, but get() reads it outside #send's try, so a body that
  // stalls after the headers rejects with a raw DOMException TimeoutError (a 500 in the app, not a 503).
  test("gives up with StoreUnavailableError when the body stalls after the headers", async () => {
    const stalling = await rawServer((socket) => {
      socket.write('HTTP/1.1 200 OK\r\nContent-Length: 100\r\nETag: "x"\r\n\r\n{');
    });
    try {
      await expect(storeAt(stalling.endpoint, 150).get("manifest.json")).rejects.toThrow(
        StoreUnavailableError,
      );
    } finally {
      await stalling.close();
    }
  });
});

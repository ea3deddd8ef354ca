// A real S3-compatible server on loopback, for the load tool and the tests: s3rver on 127.0.0.1, over a temporary
// folder, that can go down and come back on the same port to stand for storage failing and recovering.
import crypto from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import type { Server } from "node:http";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { S3Store } from "../../functions/store/s3-store.js";

/** The part of s3rver's API the helper uses (the package ships no types). */
interface S3rverInstance {
  run(): Promise<{ address: string; port: number }>;
  close(): Promise<void>;
  httpServer?: Server;
  store: { putObject(object: unknown): Promise<unknown> };
}
type S3rverConstructor = new (options: {
  address: string;
  port: number;
  silent: boolean;
  directory: string;
  configureBuckets: { name: string }[];
}) => S3rverInstance;

const require = createRequire(import.meta.url);
const S3rver = require("s3rver") as S3rverConstructor;
const S3Object = require("s3rver/lib/models/object") as new (
  bucket: string,
  key: string,
  content: Buffer,
  metadata: Record<string, string>,
) => unknown;

/**
 * s3rver mints ListObjectsV2 continuation tokens with single DES, which OpenSSL 3 (Node 17 and later) only
 * offers in its legacy provider, so any listing past 1,000 keys answers 500. Triple DES with the one key
 * thrice is single DES exactly, so tokens stay what s3rver means them to be. Only "des" is redirected.
 */
function withSingleDes<F extends typeof crypto.createCipheriv | typeof crypto.createDecipheriv>(
  create: F,
): F {
  return ((algorithm: string, key: Buffer, iv: Buffer, ...rest: unknown[]) =>
    algorithm === "des" && key.length === 8
      ? (create as (...args: unknown[]) => unknown)(
          "des-ede3-cbc",
          Buffer.concat([key, key, key]),
          iv,
          ...rest,
        )
      : (create as (...args: unknown[]) => unknown)(algorithm, key, iv, ...rest)) as F;
}
const patched = Symbol.for("news-brief.s3rver-single-des");
if (!(patched in crypto)) {
  crypto.createCipheriv = withSingleDes(crypto.createCipheriv);
  crypto.createDecipheriv = withSingleDes(crypto.createDecipheriv);
  Object.defineProperty(crypto, patched, { value: true });
}

/** The bucket every local server holds. */
export const TEST_BUCKET = "briefs";

/** The access key pair s3rver accepts. */
const CREDENTIALS = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };

/** A running s3rver and how to reach it. */
export interface S3Server {
  /** `http://127.0.0.1:<port>`, the same across restarts. */
  endpoint: string;
  bucket: string;
  /** The variables that point the app and the publish command at this server (without NEWS_BRIEF_CONTENT). */
  env: {
    NEWS_BRIEF_S3_ENDPOINT: string;
    AWS_ACCESS_KEY_ID: string;
    AWS_SECRET_ACCESS_KEY: string;
    AWS_REGION: string;
  };
  /** An S3Store on this server's bucket under `prefix`. */
  store(prefix?: string, options?: { timeoutMs?: number }): S3Store;
  /**
   * Writes objects straight into the server's own storage, as PUTs would leave them but without signing and
   * sending each one: for tests that need many objects (`key` is the full object key, prefix included).
   */
  seed(objects: Iterable<[key: string, text: string]>): Promise<void>;
  /** Takes the server down, dropping open connections; the stored objects stay. Idempotent. */
  stop(): Promise<void>;
  /** Brings it back on the same port, with the same objects. */
  restart(): Promise<void>;
  /** Stops it and deletes its folder. */
  close(): Promise<void>;
}

/** Starts s3rver on a free loopback port, holding one empty bucket, in a fresh temporary folder. */
export async function startS3Server(): Promise<S3Server> {
  const directory = await mkdtemp(join(tmpdir(), "news-brief-s3-"));
  const launch = async (port: number) => {
    const server = new S3rver({
      address: "127.0.0.1",
      port,
      silent: true,
      directory,
      configureBuckets: [{ name: TEST_BUCKET }],
    });
    return { server, address: await server.run() };
  };
  const first = await launch(0);
  let current: S3rverInstance | undefined = first.server;
  const port = first.address.port;
  const endpoint = `http://127.0.0.1:${port}`;

  const stop = async () => {
    const server = current;
    if (!server) return;
    current = undefined;
    const closed = server.close();
    // Keep-alive connections would hold the port open; storage that goes down drops them.
    server.httpServer?.closeAllConnections();
    await closed;
  };

  return {
    endpoint,
    bucket: TEST_BUCKET,
    env: {
      NEWS_BRIEF_S3_ENDPOINT: endpoint,
      AWS_ACCESS_KEY_ID: CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: CREDENTIALS.secretAccessKey,
      AWS_REGION: "us-east-1",
    },
    store: (prefix = "", options = {}) =>
      new S3Store({
        bucket: TEST_BUCKET,
        prefix,
        endpoint,
        region: "us-east-1",
        ...CREDENTIALS,
        ...options,
      }),
    seed: async (objects) => {
      if (!current) throw new Error("the local S3 server is stopped");
      const { store } = current;
      const pending = [...objects];
      const metadata = { "content-type": "application/json; charset=utf-8" };
      const worker = async () => {
        for (let next = pending.pop(); next; next = pending.pop()) {
          await store.putObject(new S3Object(TEST_BUCKET, next[0], Buffer.from(next[1]), metadata));
        }
      };
      await Promise.all(Array.from({ length: 16 }, worker));
    },
    stop,
    restart: async () => {
      if (current) return;
      current = (await launch(port)).server;
    },
    close: async () => {
      await stop();
      await rm(directory, { recursive: true, force: true });
    },
  };
}

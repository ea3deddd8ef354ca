// A loopback HTTP server that answers S3 GETs for the documents of a MemoryStore, path-style, and misbehaves on
// purpose for the keys a test names: an HTML page with 200, a body cut short, an error status, or no answer.
import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { MemoryStore } from "../../functions/store/memory-store.js";
import { S3Store } from "../../functions/store/s3-store.js";

/** How the server answers a GET of a faulty key. */
export type Fault =
  /** 200 with a proxy's HTML error page, as a captive portal or a misrouted CDN sends. */
  | "html page with 200"
  /** 200 with the first half of the document, as a complete HTTP answer. */
  | "truncated JSON"
  /** The whole document's Content-Length, half its bytes, then the connection is dropped. */
  | "body cut off"
  /** 200 with JSON of the wrong shape: a format-1 manifest with no site, or an empty object. */
  | "wrong shape"
  /** 500 InternalError, in S3's XML. */
  | "500"
  /** 503 SlowDown, in S3's XML, as S3 throttles. */
  | "503 slow down"
  /** Headers and body never come. */
  | "no answer";

/** A running faulty server. */
export interface FaultyS3 {
  /** The documents it serves: write here to publish. */
  readonly documents: MemoryStore;
  /** Faulty keys and their fault; delete a key to heal it. */
  readonly faults: Map<string, Fault>;
  /** An S3Store reading this server (any credentials do: it checks no signature). */
  store(options?: { timeoutMs?: number }): S3Store;
  close(): Promise<void>;
}

const BUCKET = "briefs";
const PREFIX = "site";

function s3Error(response: ServerResponse, status: number, code: string): void {
  response
    .writeHead(status, { "Content-Type": "application/xml" })
    .end(
      `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${code}</Message></Error>`,
    );
}

/** Starts the server on 127.0.0.1, on a port the system picks. */
export async function startFaultyS3(): Promise<FaultyS3> {
  const documents = new MemoryStore();
  const faults = new Map<string, Fault>();
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? "/", "http://s3").pathname);
    const start = `/${BUCKET}/${PREFIX}/`;
    if (request.method !== "GET" || !path.startsWith(start)) return s3Error(response, 403, "AccessDenied");
    const key = path.slice(start.length);
    const answer = await documents.get(key, { etag: request.headers["if-none-match"] });
    if (answer.status === 304) return void response.writeHead(304).end();
    if (answer.status === 404) return s3Error(response, 404, "NoSuchKey");
    const fault = faults.get(key);
    const json = { "Content-Type": "application/json", ETag: answer.etag };
    switch (fault) {
      case undefined:
        return void response.writeHead(200, json).end(answer.text);
      case "html page with 200":
        return void response
          .writeHead(200, { "Content-Type": "text/html" })
          .end("<!doctype html><title>502 Bad Gateway</title><h1>Bad Gateway</h1>");
      case "truncated JSON":
        return void response.writeHead(200, json).end(answer.text.slice(0, answer.text.length / 2));
      case "body cut off": {
        const bytes = Buffer.from(answer.text);
        response.writeHead(200, { ...json, "Content-Length": String(bytes.length) });
        response.write(bytes.subarray(0, bytes.length / 2));
        return void setTimeout(() => response.socket?.destroy(), 20);
      }
      case "wrong shape": {
        const text = key === "manifest.json" ? '{"format":1,"version":"broken","sets":{},"shards":{}}' : "{}";
        return void response.writeHead(200, { ...json, ETag: '"wrong"' }).end(text);
      }
      case "500":
        return s3Error(response, 500, "InternalError");
      case "503 slow down":
        return s3Error(response, 503, "SlowDown");
      case "no answer":
        return;
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    documents,
    faults,
    store: (options = {}) =>
      new S3Store({
        bucket: BUCKET,
        prefix: PREFIX,
        endpoint,
        region: "us-east-1",
        accessKeyId: "faulty",
        secretAccessKey: "faulty",
        ...options,
      }),
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

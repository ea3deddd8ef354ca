// A host under test, reached over loopback HTTP or in process, answering raw bytes (no decoding).
import { request as httpRequest, type IncomingMessage } from "node:http";

/** An answer as it came off the wire: the body still in its content coding. */
export interface RawResponse {
  status: number;
  headers: Headers;
  body: Uint8Array;
}

/** A running host. */
export interface HostUnderTest {
  request(path: string, init?: RequestInit): Promise<RawResponse>;
  stop(): Promise<void>;
}

/** The transport cannot express the request (a method, path or header it refuses): nothing was sent. */
export class NotCarriedError extends Error {
  override name = "NotCarriedError";
}

/**
 * Sends `init` to `origin` + `path` with node:http, which, unlike fetch, leaves the content coding alone. A path
 * of printable ASCII goes on the request line exactly as given (dot segments and all); any other is encoded as
 * the URL parser does. What node:http would not send as given (it upper-cases a method, refuses a NUL in a
 * header value) or cannot read the answer of (CONNECT) rejects with NotCarriedError.
 */
export function requestOverHttp(origin: string, path: string, init: RequestInit = {}): Promise<RawResponse> {
  const body = typeof init.body === "string" ? init.body : undefined;
  return new Promise((resolve, reject) => {
    let request: ReturnType<typeof httpRequest>;
    try {
      const method = init.method ?? "GET";
      if (method !== method.toUpperCase()) throw new Error(`node:http would send ${method} upper-cased`);
      // node:http hands the answer to a CONNECT to its "connect" event, as a tunnel, never as a response.
      if (method === "CONNECT") throw new Error("node:http reads no answer to CONNECT");
      const { hostname, port } = new URL(origin);
      const raw = /^[\x21-\x7e]*$/.test(path) ? path : undefined;
      const target = raw ? { hostname, port, path: raw } : `${origin}${path}`;
      const headers = new Headers(init.headers);
      // node:http frames a GET's body with neither Content-Length nor chunking: the server would read it as
      // the next request. The length makes it one message.
      if (body !== undefined && !headers.has("content-length"))
        headers.set("content-length", String(Buffer.byteLength(body)));
      const options = { method, headers: Object.fromEntries(headers), timeout: 20_000 };
      request =
        typeof target === "string"
          ? httpRequest(target, options, answer)
          : httpRequest({ ...target, ...options }, answer);
    } catch (error) {
      reject(new NotCarriedError((error as Error).message, { cause: error }));
      return;
    }
    function answer(response: IncomingMessage) {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => {
        const headers = new Headers();
        for (const [name, value] of Object.entries(response.headers)) {
          for (const one of Array.isArray(value) ? value : [value ?? ""]) headers.append(name, one);
        }
        resolve({ status: response.statusCode ?? 0, headers, body: new Uint8Array(Buffer.concat(chunks)) });
      });
      response.on("error", reject);
    }
    request.on("timeout", () => request.destroy(new Error(`${origin}${path} did not answer in 20 s`)));
    request.on("error", reject);
    request.end(body);
  });
}

/**
 * Calls an in-process fetch handler with a real Request and reads its raw Response. What a web Request cannot
 * hold (TRACE, a body on GET, a header value beyond Latin-1) rejects with NotCarriedError.
 */
export async function requestInProcess(
  handle: (request: Request) => Promise<Response>,
  origin: string,
  path: string,
  init: RequestInit = {},
): Promise<RawResponse> {
  let request: Request;
  try {
    request = new Request(`${origin}${path}`, init);
  } catch (error) {
    throw new NotCarriedError((error as Error).message, { cause: error });
  }
  const response = await handle(request);
  return {
    status: response.status,
    headers: response.headers,
    body: new Uint8Array(await response.arrayBuffer()),
  };
}

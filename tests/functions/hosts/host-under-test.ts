// A host under test, reached over loopback HTTP or in process, answering raw bytes (no decoding).
import { request as httpRequest } from "node:http";

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

/** Sends `init` to `origin` + `path` with node:http, which, unlike fetch, leaves the content coding alone. */
export function requestOverHttp(origin: string, path: string, init: RequestInit = {}): Promise<RawResponse> {
  const headers = new Headers(init.headers);
  const body = typeof init.body === "string" ? init.body : undefined;
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      `${origin}${path}`,
      { method: init.method ?? "GET", headers: Object.fromEntries(headers), timeout: 20_000 },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => {
          const answer = new Headers();
          for (const [name, value] of Object.entries(response.headers)) {
            for (const one of Array.isArray(value) ? value : [value ?? ""]) answer.append(name, one);
          }
          resolve({
            status: response.statusCode ?? 0,
            headers: answer,
            body: new Uint8Array(Buffer.concat(chunks)),
          });
        });
        response.on("error", reject);
      },
    );
    request.on("timeout", () => request.destroy(new Error(`${origin}${path} did not answer in 20 s`)));
    request.on("error", reject);
    request.end(body);
  });
}

/** Calls an in-process fetch handler with a real Request and reads its raw Response. */
export async function requestInProcess(
  handle: (request: Request) => Promise<Response>,
  origin: string,
  path: string,
  init: RequestInit = {},
): Promise<RawResponse> {
  const response = await handle(new Request(`${origin}${path}`, init));
  return {
    status: response.status,
    headers: response.headers,
    body: new Uint8Array(await response.arrayBuffer()),
  };
}

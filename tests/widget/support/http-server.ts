// A throwaway HTTP server on 127.0.0.1 (port chosen by the OS) whose routes each test sets.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** Answers one request; it may also never answer, to play a server that hangs. */
export type Handler = (request: IncomingMessage, response: ServerResponse) => void;

/** A running server; `origin` is `http://127.0.0.1:PORT`. */
export interface TestServer {
  readonly origin: string;
  /** Every request received, oldest first. */
  readonly requests: IncomingMessage[];
  /** Serves `path` (query string ignored) with `handler`; unknown paths get 404. */
  route(path: string, handler: Handler): void;
  /** Drops open connections (hanging routes included) and stops listening. */
  close(): Promise<void>;
}

/** Starts a server with no routes. */
export async function startServer(): Promise<TestServer> {
  const routes = new Map<string, Handler>();
  const requests: IncomingMessage[] = [];
  const server = createServer((request, response) => {
    requests.push(request);
    const handler = routes.get(new URL(request.url ?? "/", "http://test").pathname);
    if (handler) handler(request, response);
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    route: (path, handler) => routes.set(path, handler),
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** A handler that always sends `body` with `status` and `headers`. */
export function respond(status: number, body: string, headers: Record<string, string> = {}): Handler {
  return (_request, response) => response.writeHead(status, headers).end(body);
}

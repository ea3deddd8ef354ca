// Serves a Vercel Node.js Function on 127.0.0.1:$PORT the way Vercel's launcher calls it (@vercel/node,
// serverless-handler.mts and helpers-web.ts): import the handler, unwrap `default` up to five times, and,
// when the export has `fetch`, hand every node:http request to it through @edge-runtime/node-utils.
// Usage: node --import tsx vercel-node-launcher.ts <handler.mjs>
import { createServer } from "node:http";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { buildToNodeHandler } from "@edge-runtime/node-utils";

const [handler] = process.argv.slice(2);
if (!handler) throw new Error("usage: vercel-node-launcher.ts <handler.mjs>");
let listener = await import(pathToFileURL(resolve(handler)).href);
for (let i = 0; i < 5 && listener.default; i++) listener = listener.default;
if (typeof listener?.fetch !== "function") {
  console.error(`${handler} has no fetch export: Vercel would call it as (req, res)`);
  process.exit(3);
}

/** Vercel adds `duplex: "half"` to every Request it builds, for streamed request bodies. */
class DuplexRequest extends Request {
  constructor(input: RequestInfo | URL, init?: RequestInit) {
    super(input, { duplex: "half", ...init } as RequestInit);
  }
}
class LauncherFetchEvent {
  waitUntil(promise: Promise<unknown>): void {
    promise.catch(() => {});
  }
}
const toNodeHandler = buildToNodeHandler(
  {
    Headers,
    ReadableStream,
    Request: DuplexRequest,
    Uint8Array,
    FetchEvent: LauncherFetchEvent,
  } as unknown as Parameters<typeof buildToNodeHandler>[0],
  { defaultOrigin: "https://vercel.com" },
);
const fetchExport = listener.fetch as (request: Request) => Promise<Response>;
const server = createServer(toNodeHandler((request) => fetchExport(request as unknown as Request) as never));
server.listen(Number(process.env.PORT), "127.0.0.1");
process.on("SIGTERM", () => server.close(() => process.exit(0)));

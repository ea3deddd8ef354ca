// Serves a Vercel Edge Function on 127.0.0.1:$PORT in the edge-runtime package, as `vercel dev` does
// (@vercel/node, edge-handler.mts): the ES module as CommonJS inside an EdgeRuntime whose only `process`
// is `{ env }`, and a fetch listener that calls the default export with the Request.
// Usage: node --import tsx vercel-edge-runtime.ts <index.js>
import { readFileSync } from "node:fs";
import { EdgeRuntime, runServer } from "edge-runtime";
import { transform } from "esbuild";

const [entrypoint] = process.argv.slice(2);
if (!entrypoint) throw new Error("usage: vercel-edge-runtime.ts <index.js>");
// Only the module format changes: the bundle's code is the one Vercel would run.
const { code } = await transform(readFileSync(entrypoint, "utf8"), { format: "cjs", loader: "js" });
const initialCode = `${code}
addEventListener("fetch", (event) => {
  const handler = module.exports.default;
  event.respondWith(Promise.resolve().then(() => handler(event.request, event)));
});`;
const runtime = new EdgeRuntime({
  initialCode,
  extend: (context) =>
    Object.assign(context, { module: { exports: {} }, process: { env: { ...process.env } } }),
});
const server = await runServer({ runtime, port: Number(process.env.PORT), host: "127.0.0.1" });
process.on("SIGTERM", () => void server.close().then(() => process.exit(0)));

// Entry point of the local server bundle (dist/server.mjs): every route on http://localhost:PORT.
import { bundledStore } from "news-brief:bundled-store";
import { widgetScript } from "news-brief:widget-script";
import { startServer } from "./adapters/node-server.js";
import { ALL } from "./catalog/store-layout.js";
import { contentFromEnv } from "./content-from-env.js";
import { lineBatch } from "./log/line-batch.js";
import { jsonLogger } from "./log/logger.js";
import { ConfigError } from "./store/store-config.js";

// One write to stdout per turn of the event loop, not one per request; what is kept is written before the process
// ends, on exit and on the signals that stop it (then the signal takes its usual course).
const lines = lineBatch((text) => process.stdout.write(text));
process.on("exit", lines.flush);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    lines.flush();
    process.kill(process.pid, signal);
  });
}

let content: ReturnType<typeof contentFromEnv>;
try {
  content = contentFromEnv(process.env, bundledStore, { logger: jsonLogger(lines.write) });
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(`news-brief cannot start: ${error.message}`);
  process.exit(2);
}
const port = Number(process.env.PORT ?? 3000);
// HOST=0.0.0.0 in a container; the default answers on this machine only.
const hostname = process.env.HOST?.trim() || "localhost";
const { url } = await startServer(content, widgetScript, {
  port: Number.isInteger(port) ? port : 3000,
  hostname,
});
const snapshot = await content.snapshot().catch((error: Error) => {
  console.error(`news-brief started, but its content cannot be read yet: ${error.message}`);
  return undefined;
});
const latest = snapshot ? (await snapshot.latest()).slice(0, 3) : [];
const count = snapshot?.set(ALL)?.count ?? 0;
console.log(`news-brief is serving ${count} brief(s) on ${url} (content: ${content.store.name})

  Front page     ${url}/
  RSS 2.0        ${url}/feed.xml
  Atom 1.0       ${url}/atom.xml
  JSON Feed 1.1  ${url}/feed.json
  API            ${url}/api/briefs
  Widget script  ${url}/widget/news-brief.js
Brief pages:
${latest.map((brief) => `  ${url}/briefs/${brief.id}`).join("\n")}

Press Ctrl+C to stop.`);

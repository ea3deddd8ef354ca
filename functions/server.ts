// Entry point of the local server bundle (dist/server.mjs): every route on http://localhost:PORT.
import { catalog } from "news-brief:catalog";
import { widgetScript } from "news-brief:widget-script";
import { startServer } from "./adapters/node-server.js";

const port = Number(process.env.PORT ?? 3000);
const { url } = await startServer(catalog, widgetScript, { port: Number.isInteger(port) ? port : 3000 });
const briefs = catalog.briefs.slice(0, 3).map((brief) => `  ${url}/briefs/${brief.id}`);
console.log(`news-brief is serving ${catalog.briefs.length} brief(s) on ${url}

  Front page     ${url}/
  RSS 2.0        ${url}/feed.xml
  Atom 1.0       ${url}/atom.xml
  JSON Feed 1.1  ${url}/feed.json
  API            ${url}/api/briefs
  Widget script  ${url}/widget/news-brief.js
Brief pages:
${briefs.join("\n")}

Press Ctrl+C to stop.`);

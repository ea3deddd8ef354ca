// Bun: `bun server.mjs` serves the module's default export (Bun.serve's options) on HOST:PORT.
import { bundledStore } from "news-brief:bundled-store";
import { widgetScript } from "news-brief:widget-script";
import { fetchApp } from "./fetch-app.js";

const app = fetchApp({ bundledStore, widgetScript }, process.env);
const port = Number(process.env.PORT ?? 3000);

/** Bun starts a server from these when the entry module exports them. HOST=0.0.0.0 in a container. */
const server = {
  port: Number.isInteger(port) ? port : 3000,
  hostname: process.env.HOST?.trim() || "localhost",
  fetch: (request: Request) => app.fetch(request),
};
export default server;

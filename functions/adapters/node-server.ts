// The Node.js host: serves the app over node:http, for `npm start` and for any server or container.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { getRequestListener } from "@hono/node-server";
import type { Hono } from "hono";
import { allSections } from "../all-sections.js";
import { createApp } from "../app.js";
import type { Content } from "../catalog/content.js";
import { publicBaseUrl } from "../public-base-url.js";
import type { WidgetScript } from "../routes/widget-script.js";
import { nodeRequestError } from "./node-request-error.js";

/** A running server and the address it answers on. */
export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** Options of startServer. */
export interface ServerOptions {
  /** Port to listen on; 0 picks a free one. Default 3000. */
  port?: number;
  /** Default "localhost". */
  hostname?: string;
  /** Where PUBLIC_BASE_URL is read; default process.env. Unset, links point at this server. */
  env?: Record<string, string | undefined>;
}

/** Serves every section of the app. */
export function startServer(
  content: Content,
  widgetScript: WidgetScript,
  options: ServerOptions = {},
): Promise<RunningServer> {
  const { port = 3000, hostname = "localhost", env = process.env } = options;
  let app: Hono | undefined;
  // The app is made once the port is known, since its links default to this server's own address.
  const server = createServer(
    getRequestListener((request, bindings) => (app as Hono).fetch(request, bindings), {
      errorHandler: nodeRequestError,
    }),
  );
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, hostname, () => {
      const url = `http://${hostname}:${(server.address() as AddressInfo).port}`;
      app = createApp(content, allSections(widgetScript), { baseUrl: publicBaseUrl(env, url) });
      resolve({ url, close: () => new Promise((done) => server.close(() => done())) });
    });
  });
}

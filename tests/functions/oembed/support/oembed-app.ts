// The app with the oEmbed section added, in process or over HTTP, until all-sections.ts includes it.
import type { AddressInfo } from "node:net";
import { createAdaptorServer } from "@hono/node-server";
import type { Hono } from "hono";
import { allSections } from "../../../../functions/all-sections.js";
import { createApp } from "../../../../functions/app.js";
import { oembedRoutes } from "../../../../functions/routes/oembed.js";
import type { Catalog } from "../../../../infra/content/catalog.js";
import { WIDGET_SCRIPT } from "../../../support/test-app.js";
import { contentOf } from "../../../support/test-content.js";

/** Every section, oembedRoutes included once whether or not allSections has it yet; links use `baseUrl`. */
export function oembedApp(catalog: Catalog, baseUrl?: string): Hono {
  const sections = allSections(WIDGET_SCRIPT);
  if (!sections.includes(oembedRoutes)) sections.push(oembedRoutes);
  return createApp(contentOf(catalog), sections, baseUrl ? { baseUrl } : {});
}

/** The app served over HTTP on localhost (port chosen by the OS), its links on its own address. */
export interface ServedApp {
  /** `http://localhost:PORT`, no trailing slash. */
  origin: string;
  close(): Promise<void>;
}

/** Serves {@link oembedApp} of `catalog` on a free port of localhost. */
export function serveOEmbedApp(catalog: Catalog): Promise<ServedApp> {
  let app: Hono | undefined;
  const server = createAdaptorServer({ fetch: (request) => (app as Hono).fetch(request) });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "localhost", () => {
      const origin = `http://localhost:${(server.address() as AddressInfo).port}`;
      app = oembedApp(catalog, origin);
      resolve({
        origin,
        close: () =>
          new Promise((done) => {
            if ("closeAllConnections" in server) server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

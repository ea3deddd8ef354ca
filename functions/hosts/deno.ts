// Deno (`deno serve`, Deno Deploy): the module's default export answers every request.
import { bundledStore } from "news-brief:bundled-store";
import { widgetScript } from "news-brief:widget-script";
import { APP_VARIABLES } from "./app-variables.js";
import { fetchApp } from "./fetch-app.js";

/** The one part of Deno's global this entry uses (Deno's full types are not a dependency). */
declare const Deno: { env: { get(name: string): string | undefined } };

// Read by name, not with Deno.env.toObject(): that needs every variable, and --allow-env can then list only these.
const env = Object.fromEntries(APP_VARIABLES.map((name) => [name, Deno.env.get(name)]));
const app = fetchApp({ bundledStore, widgetScript }, env);

/** What `deno serve` calls for each request. */
const server = { fetch: (request: Request) => app.fetch(request) };
export default server;

// Google Cloud Run functions (functions-framework): the HTTP function "newsBrief", every route of the app.

import { bundledStore } from "news-brief:bundled-store";
import { widgetScript } from "news-brief:widget-script";
import { http } from "@google-cloud/functions-framework";
import { getRequestListener } from "@hono/node-server";
import { nodeRequestError } from "../adapters/node-request-error.js";
import { fetchApp } from "./fetch-app.js";

// The framework parses every request body before the function runs, and a malformed one gets Express's error
// page, which carries a stack trace with the deployment's paths unless NODE_ENV is "production". Express reads
// it when the framework builds its server, after loading this module.
process.env.NODE_ENV ||= "production";

const app = fetchApp({ bundledStore, widgetScript }, process.env);

// The framework's Express has already read the body into req.rawBody; the listener takes it from there.
http("newsBrief", getRequestListener(app.fetch, { errorHandler: nodeRequestError }));

// Registers GET (and so HEAD) on a path, and 405 with an Allow header for every other method.
import type { Handler, Hono } from "hono";
import { MethodNotAllowedError } from "../http-errors.js";

/** `app.get(path, handler)`, plus 405 for other methods on the same path. */
export function readOnly(app: Hono, path: string, handler: Handler): Hono {
  app.get(path, handler);
  app.all(path, (c) => {
    throw new MethodNotAllowedError(c.req.method);
  });
  return app;
}

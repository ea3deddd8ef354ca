// What both Vercel targets share: one Function at /index that every request goes to (Build Output API v3).

/** The Function's folder inside dist/hosts/<name>/. */
export const FUNCTION_DIR = ".vercel/output/functions/index.func";

/**
 * `.vercel/output/config.json`: every path, for every method, goes to the Function. `dest` names no
 * capture group, so Vercel adds nothing to the query and the app sees the URL as the client sent it; the
 * route has no `methods`, so HEAD, POST and the rest reach the app, which answers them (405 with Allow).
 */
export function buildOutputConfig() {
  return {
    version: 3,
    routes: [{ src: "/.*", dest: "/index" }],
  };
}

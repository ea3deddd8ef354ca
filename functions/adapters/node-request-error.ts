// What a Node.js server answers when @hono/node-server cannot make a web Request of what arrived.

/**
 * The answer for an error @hono/node-server hands its `errorHandler`: a clear 400 for a request the web
 * platform cannot hold (a backslash in the path, `*` or a malformed absolute URL, a Host that does not match
 * the URL), plain text like the app's other errors; a 500 that leaks nothing for anything else, which the app,
 * answering every error itself, never throws. Without it, the library answers those 400s with an empty body.
 */
export function nodeRequestError(error: unknown): Response {
  const refused = error instanceof Error && error.name === "RequestError";
  const status = refused ? 400 : 500;
  const message = refused
    ? "This request's address cannot be read; send a path that starts with / and no backslash."
    : "Something went wrong on our side; please try again later.";
  return new Response(`${status} ${message}\n`, {
    status,
    headers: {
      "Content-Type": "text/plain; charset=utf-8",
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

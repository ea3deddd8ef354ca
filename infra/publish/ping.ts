// One WebSub publish notification to a hub, and a small pool that sends many at a bounded concurrency.

/** What came of one ping: success, or the hub's status (`null` when it never answered) and why. */
export type PingOutcome = { ok: true } | { ok: false; status: number | null; message: string };

/** Options of pingHub. */
export interface PingOptions {
  /** How long to wait for the hub's whole answer, in milliseconds. */
  timeoutMs: number;
  /** The fetch to use; the global one by default. */
  fetch?: typeof fetch;
}

/** The longest hub message kept in a report, in characters. */
export const MESSAGE_LIMIT = 200;

/**
 * Tells `hub` that the feed at `url` changed: a POST of `hub.mode=publish&hub.url=<url>`, form-encoded,
 * the de facto publish request of PubSubHubbub 0.4 that WebSub §7 leaves to hub and publisher. A 2xx is
 * success (hubs answer 204 or 202); any other status, a network error or no answer within the timeout
 * is a failure. Never throws.
 */
export async function pingHub(hub: string, url: string, options: PingOptions): Promise<PingOutcome> {
  const send = options.fetch ?? fetch;
  try {
    const response = await send(hub, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ "hub.mode": "publish", "hub.url": url }).toString(),
      // Following a 301/302 would turn the POST into a GET of some page that answers 200: a false success.
      redirect: "manual",
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    if (response.ok) {
      await response.body?.cancel();
      return { ok: true };
    }
    const location = response.headers.get("location");
    const text = await response.text().catch(() => "");
    const message = location ? `redirects to ${location}; set the hub to that URL` : truncate(text);
    return { ok: false, status: response.status, message: message || "(no message)" };
  } catch (error) {
    return { ok: false, status: null, message: describeFailure(error, options.timeoutMs) };
  }
}

function describeFailure(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && error.name === "TimeoutError") {
    return `no answer within ${timeoutMs % 1000 === 0 ? `${timeoutMs / 1000} s` : `${timeoutMs} ms`}`;
  }
  // undici rejects with TypeError("fetch failed") and puts the socket error (ECONNREFUSED…) in `cause`.
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  return `could not reach the hub (${cause instanceof Error ? cause.message : String(cause)})`;
}

function truncate(text: string): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > MESSAGE_LIMIT ? `${line.slice(0, MESSAGE_LIMIT - 1)}…` : line;
}

/** Runs `task` on every item, at most `limit` at a time; the results come back in item order. */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = [];
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}

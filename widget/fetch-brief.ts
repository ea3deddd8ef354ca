// Fetches briefs from the API, one request per URL however many elements show it, and sorts every failure
// (timeouts included) into a BriefErrorReason.
import { type Brief, parseBriefs } from "./brief.js";
import type { BriefErrorReason } from "./events.js";

type Outcome = Brief[] | BriefErrorReason;

/** A request several elements wait on; it is aborted only when the last of them stops waiting. */
interface SharedRequest {
  outcome: Promise<Outcome>;
  controller: AbortController;
  waiting: number;
}

const inFlight = new Map<string, SharedRequest>();

/**
 * GETs `src` cross-origin without cookies and resolves to the checked briefs (one, or the list's items), or
 * to why there are none: `network` when no response arrives (a CORS refusal or an abort looks the same to a
 * page), `http` on a non-2xx status, `invalid` when the body is not a brief or a non-empty list of briefs.
 * Never rejects, so nothing reaches the host page.
 */
async function request(src: string, signal: AbortSignal): Promise<Outcome> {
  const response = await fetch(src, { credentials: "omit", mode: "cors", signal }).catch(() => undefined);
  if (!response) return "network";
  if (!response.ok) return "http";
  return parseBriefs(await response.json().catch(() => undefined)) ?? "invalid";
}

function share(src: string): SharedRequest {
  const controller = new AbortController();
  const shared: SharedRequest = {
    controller,
    waiting: 0,
    outcome: request(src, controller.signal).finally(() => {
      if (inFlight.get(src) === shared) inFlight.delete(src);
    }),
  };
  inFlight.set(src, shared);
  return shared;
}

/**
 * Like {@link request}, but callers asking for the same `src` while it is in flight share one request. A
 * caller stops waiting when `signal` aborts (its promise resolves to `network`) or after `timeout` ms
 * (`timeout`); the request itself is aborted only when no caller is left.
 */
export function fetchBriefs(src: string, timeout: number, signal: AbortSignal): Promise<Outcome> {
  const joined = inFlight.get(src) ?? share(src);
  joined.waiting++;
  return new Promise((resolve) => {
    let done = false;
    const finish = (outcome: Outcome, leaving?: boolean) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve(outcome);
      if (leaving && !--joined.waiting) {
        joined.controller.abort();
        if (inFlight.get(src) === joined) inFlight.delete(src);
      }
    };
    const timer = setTimeout(finish, timeout, "timeout", true);
    joined.outcome.then(finish);
    signal.addEventListener("abort", () => finish("network", true));
  });
}

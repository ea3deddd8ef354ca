// The reactive controller that loads <news-brief>'s briefs: at once when the element is near the viewport,
// else when it comes near; one request per URL however many elements show it; given up when the element
// leaves the page or the timeout passes; its outcome announced once rendered.
import type { ReactiveController, ReactiveControllerHost } from "lit";
import { type Brief, parseBriefs } from "./brief.js";
import { BriefErrorEvent, type BriefErrorReason, BriefLoadEvent } from "./events.js";

/** What the loader needs of its element. */
export type BriefLoaderHost = ReactiveControllerHost & HTMLElement & { timeout: number };

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

/**
 * Loads the briefs of one `src` for its host. `briefs` holds them once fetched and checked; `failed` is true
 * when they cannot be had. The host calls {@link load} whenever `src` changes, and re-renders as they arrive;
 * `brief-load` or `brief-error` is fired just after that render, so the event means "on screen".
 */
export class BriefLoader implements ReactiveController {
  briefs: Brief[] | undefined;
  failed = false;
  #src = "";
  /** Stops what is under way (the observer, or waiting for the request) so that its outcome is ignored. */
  #stop: ((outcome?: Outcome) => void) | undefined;
  #event: Event | undefined;

  constructor(private readonly host: BriefLoaderHost) {
    host.addController(this);
  }

  /** True while there is a `src` and no outcome yet. */
  get loading(): boolean {
    return !!this.#src && !this.briefs && !this.failed;
  }

  /** Forgets the last outcome and loads `src` when the host is near the viewport (nothing when it is empty). */
  load(src: string): void {
    this.#src = src;
    this.briefs = undefined;
    this.failed = false;
    this.#watch();
  }

  // Also a move in the document: the disconnect dropped the request, so wait to be near the viewport again.
  hostConnected(): void {
    if (this.loading) this.#watch();
  }

  hostDisconnected(): void {
    this.#stop?.();
  }

  hostUpdated(): void {
    const event = this.#event;
    this.#event = undefined;
    if (event) this.host.dispatchEvent(event);
  }

  /**
   * Loads now when the host's box is already within 200px of the viewport: an IntersectionObserver would
   * report that only after the next frame, which for an embed above the fold is time the reader waits.
   * Otherwise (far down the page, or not rendered) an IntersectionObserver starts the load when it comes near.
   */
  #watch(): void {
    this.#stop?.();
    const { host } = this;
    if (!this.#src || !host.isConnected) return;
    const { top, bottom } = host.getBoundingClientRect();
    if (host.getClientRects().length && top < innerHeight + 200 && bottom > -200) {
      this.#load();
      return;
    }
    const observer = new IntersectionObserver(
      ([entry]) => {
        if (entry?.isIntersecting) this.#load();
      },
      { rootMargin: "200px" },
    );
    observer.observe(host);
    this.#stop = () => observer.disconnect();
  }

  /**
   * Joins the request for `src` (or starts it) and waits for it, `timeout` ms at most. Whether it ends by the
   * outcome, the timeout or {@link #stop}, the host stops waiting; the request is aborted when no host is left.
   */
  #load(): void {
    this.#stop?.();
    const src = this.#src;
    const controller = new AbortController();
    const shared = inFlight.get(src) ?? { controller, waiting: 0, outcome: request(src, controller.signal) };
    inFlight.set(src, shared);
    shared.waiting++;
    const finish = (outcome?: Outcome) => {
      // A newer src, a disconnect or the timeout came first: this outcome is nobody's news.
      if (this.#stop !== finish) return;
      this.#stop = undefined;
      clearTimeout(timer);
      if (!--shared.waiting) {
        shared.controller.abort();
        if (inFlight.get(src) === shared) inFlight.delete(src);
      }
      if (!outcome) return;
      if (typeof outcome === "string") {
        this.failed = true;
        this.#event = new BriefErrorEvent(outcome);
      } else {
        this.briefs = outcome;
        this.#event = new BriefLoadEvent(outcome);
      }
      this.host.requestUpdate();
    };
    const timer = setTimeout(finish, this.host.timeout, "timeout");
    this.#stop = finish;
    shared.outcome.then(finish);
  }
}

// The reactive controller that loads <news-brief>'s briefs: at once when the element is near the viewport,
// else when it comes near; aborted when it leaves the page; its outcome announced once rendered.
import type { ReactiveController, ReactiveControllerHost } from "lit";
import type { Brief } from "./brief.js";
import { BriefErrorEvent, BriefLoadEvent } from "./events.js";
import { fetchBriefs } from "./fetch-brief.js";

/** How near the viewport, in CSS pixels, an element starts loading. */
export const LOAD_MARGIN = 200;

/** What the loader needs of its element. */
export type BriefLoaderHost = ReactiveControllerHost & HTMLElement & { timeout: number };

/**
 * Loads the briefs of one `src` for its host. `briefs` holds them once fetched and checked; `failed` is true
 * when they cannot be had. The host calls {@link load} whenever `src` changes, and re-renders as they arrive;
 * `brief-load` or `brief-error` is fired just after that render, so the event means "on screen".
 */
export class BriefLoader implements ReactiveController {
  briefs: Brief[] | undefined;
  failed = false;
  #src = "";
  #request: AbortController | undefined;
  #observer: IntersectionObserver | undefined;
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
    this.#stop();
  }

  hostUpdated(): void {
    const event = this.#event;
    this.#event = undefined;
    if (event) this.host.dispatchEvent(event);
  }

  /**
   * Loads now when the host's box is already within {@link LOAD_MARGIN} of the viewport: an IntersectionObserver
   * would report that only after the next frame, which for an embed above the fold is time the reader waits.
   * Otherwise (far down the page, or not rendered) an IntersectionObserver starts the load when it comes near.
   */
  #watch(): void {
    this.#stop();
    const { host } = this;
    if (!this.#src || !host.isConnected) return;
    const { top, bottom } = host.getBoundingClientRect();
    if (host.getClientRects().length && top < innerHeight + LOAD_MARGIN && bottom > -LOAD_MARGIN) {
      this.#load();
      return;
    }
    const observer = new IntersectionObserver(
      ([entry]) => {
        if (entry?.isIntersecting) {
          observer.disconnect();
          this.#load();
        }
      },
      { rootMargin: `${LOAD_MARGIN}px` },
    );
    observer.observe(host);
    this.#observer = observer;
  }

  #stop(): void {
    this.#observer?.disconnect();
    this.#request?.abort();
    this.#request = undefined;
  }

  async #load(): Promise<void> {
    const request = new AbortController();
    this.#request = request;
    const result = await fetchBriefs(this.#src, this.host.timeout, request.signal);
    // A newer src or a disconnect replaced this request: its outcome is nobody's news.
    if (request !== this.#request) return;
    this.#request = undefined;
    if (typeof result === "string") {
      this.failed = true;
      this.#event = new BriefErrorEvent(result);
    } else {
      this.briefs = result;
      this.#event = new BriefLoadEvent(result);
    }
    this.host.requestUpdate();
  }
}

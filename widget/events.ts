// The events <news-brief> fires: one when a brief is shown, one when it cannot be.
import type { Brief } from "./brief.js";

/** Why a brief could not be shown: a non-2xx answer, no answer in time, no answer at all (CORS included), or bad JSON. */
export type BriefErrorReason = "http" | "timeout" | "network" | "invalid";

/** Fired (bubbling, composed) once the briefs have been fetched, checked and rendered. */
export class BriefLoadEvent extends Event {
  /** The brief now on screen; the first one when `src` is a list. */
  declare readonly brief: Brief;
  /** Every brief now on screen, in the API's order: one, or a list's items. */
  declare readonly briefs: Brief[];

  constructor(briefs: Brief[]) {
    super("brief-load", { bubbles: true, composed: true });
    this.briefs = briefs;
    this.brief = briefs[0] as Brief;
  }
}

/** Fired (bubbling, composed) when the brief cannot be shown; the fallback content stays visible. */
export class BriefErrorEvent extends Event {
  /** What went wrong. */
  declare readonly reason: BriefErrorReason;

  constructor(reason: BriefErrorReason) {
    super("brief-error", { bubbles: true, composed: true });
    this.reason = reason;
  }
}

declare global {
  interface HTMLElementEventMap {
    "brief-load": BriefLoadEvent;
    "brief-error": BriefErrorEvent;
  }
}

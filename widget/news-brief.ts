// The <news-brief> element: fetches one brief from the API and renders it in shadow DOM over a fallback link.
import { html, LitElement, nothing, type PropertyValues } from "lit";
import type { Brief } from "./brief.js";
import { BriefErrorEvent, BriefLoadEvent } from "./events.js";
import { fetchBrief } from "./fetch-brief.js";
import { newsBriefStyles } from "./news-brief-styles.js";
import { formatPublished } from "./published-date.js";
import { uiStrings } from "./ui-strings.js";

/** Milliseconds a request may take when `timeout` is absent or not a positive number. */
export const DEFAULT_TIMEOUT = 8000;

type Status = "idle" | "loading" | "loaded" | "error";

/**
 * A publisher's news brief, embeddable on any page.
 *
 * @summary Fetches a brief from the news-brief JSON API and shows its source, date, title, lead, key points
 * and a link to the full story. Until it has the brief, and whenever it cannot get it, the element shows
 * its own children instead.
 *
 * @attr src - URL of the brief's JSON (`GET /api/briefs/{id}`), fetched cross-origin without cookies.
 * Setting a new URL fetches again.
 * @attr timeout - Milliseconds before the request is given up; anything but a positive number means 8000.
 * @attr lang - Language of the widget's own text (`fr*` → French, else English); inherited from ancestors.
 *
 * @fires brief-load - {@link BriefLoadEvent}: the brief is on screen; its data is in `event.brief`.
 * @fires brief-error - {@link BriefErrorEvent}: the brief cannot be shown; `event.reason` is
 * `http`, `timeout`, `network` or `invalid`.
 *
 * @csspart source - The line with the source's name and the publication date.
 * @csspart title - The brief's title, an `<h2>`.
 * @csspart lead - The lead paragraph.
 * @csspart points - The `<ul>` of key points.
 * @csspart point - One key point, an `<li>`.
 * @csspart link - The link to the full story.
 *
 * @cssprop [--news-brief-accent=inherit] - Colour of the link and its focus ring (the text colour by default).
 * @cssprop [--news-brief-border=#8886] - Border colour (a grey that reads on light and dark pages).
 * @cssprop [--news-brief-radius=.5em] - Corner radius.
 * @cssprop [--news-brief-background=none] - Background; the page shows through by default.
 *
 * @slot - Fallback content, typically a link to the brief, shown while loading and after an error.
 */
export class NewsBrief extends LitElement {
  static override properties = {
    src: {},
    timeout: { type: Number },
    _status: { state: true },
    _brief: { state: true },
  };

  static override styles = newsBriefStyles;

  /** URL of the brief's JSON; empty means nothing to load. Default `""`. */
  declare src: string;

  /** Request timeout in milliseconds; anything but a positive number means {@link DEFAULT_TIMEOUT}. */
  declare timeout: number;

  declare private _status: Status;
  declare private _brief: Brief | undefined;
  #request: AbortController | undefined;

  constructor() {
    super();
    this.src = "";
    this.timeout = DEFAULT_TIMEOUT;
    this._status = "idle";
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Moved in the document: the disconnect aborted the request, so start it again.
    if (this._status === "loading") this.#load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#request?.abort();
    this.#request = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has("src")) this.#load();
    if (this._status === "loading") this.setAttribute("aria-busy", "true");
    else this.removeAttribute("aria-busy");
  }

  protected override render() {
    const brief = this._brief;
    const ui = uiStrings(this);
    if (this._status !== "loaded" || !brief) {
      // An empty indeterminate progressbar: named for screen readers, nothing to see, no CSS to ship.
      const loading = this._status === "loading";
      return html`<slot></slot>${loading ? html`<span role="progressbar" aria-label=${ui.loading}></span>` : nothing}`;
    }
    const { source } = brief;
    return html`<article lang=${brief.lang}>
      <p part="source">${source.name} · <time datetime=${brief.published}>${formatPublished(brief.published, brief.lang)}</time></p>
      <h2 part="title">${brief.title}</h2>
      <p part="lead">${brief.lead}</p>
      <ul part="points">${brief.points.map(
        (point) =>
          html`<li part="point">${point.heading ? html`<strong>${point.heading}</strong> ` : nothing}${point.text}</li>`,
      )}</ul>
      <a part="link" href=${source.url ?? brief.url} lang=${ui.lang}>${source.url ? ui.readOn + source.name : ui.readBrief}</a>
    </article>`;
  }

  async #load(): Promise<void> {
    this.#request?.abort();
    const request = new AbortController();
    this.#request = request;
    this._status = this.src ? "loading" : "idle";
    if (!this.src) return;
    let timedOut = false;
    const timer = setTimeout(
      () => {
        timedOut = true;
        request.abort();
      },
      this.timeout > 0 ? this.timeout : DEFAULT_TIMEOUT,
    );
    const result = await fetchBrief(this.src, request.signal);
    clearTimeout(timer);
    // A newer src or a disconnect replaced this request: its outcome is nobody's news.
    if (request !== this.#request) return;
    if (typeof result === "string") {
      this._status = "error";
      this.dispatchEvent(new BriefErrorEvent(timedOut ? "timeout" : result));
    } else {
      this._brief = result;
      this._status = "loaded";
      await this.updateComplete;
      this.dispatchEvent(new BriefLoadEvent(result));
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "news-brief": NewsBrief;
  }
}

// The <news-brief> element: fetches one brief, or a list of them, once near the viewport and renders it in shadow DOM.
import { html, nothing, render } from "lit/html.js";
import type { Brief } from "./brief.js";
import { BriefErrorEvent, BriefLoadEvent } from "./events.js";
import { fetchBriefs } from "./fetch-brief.js";
import { adoptStyles } from "./news-brief-styles.js";
import { pointContent } from "./point-html.js";
import { formatPublished } from "./published-date.js";
import { type UiStrings, uiStrings } from "./ui-strings.js";

/** Milliseconds a request may take when `timeout` is absent or not a positive number. */
export const DEFAULT_TIMEOUT = 8000;

/** Key points shown (and reserved while loading) when `points` is absent or not a positive number. */
export const DEFAULT_POINTS = 3;

/** How the brief is laid out: everything, or source, date, title and link only. */
export type Layout = "full" | "compact";

/** Whose colours the brief uses: the page's, its own light or dark ones, or those matching `prefers-color-scheme`. */
export type Theme = "inherit" | "light" | "dark" | "auto";

/** A positive number from an attribute, else `fallback`. */
const positive = (value: string | null, fallback: number): number => {
  const number = Number(value);
  return number > 0 ? number : fallback;
};

// The properties that mirror an attribute.
const PROPERTIES = ["src", "timeout", "points", "layout", "theme"] as const;

// The skeleton's box for one key point; see news-brief-styles.ts for how the skeleton sizes the brief.
const pointSkeleton = html`<i class="p"></i>`;

/**
 * One brief's `<article>`: the skeleton (hidden from assistive technology, painted only while loading) and,
 * over it in the same grid cell, the brief, or while there is none the fallback where the link will be.
 */
function briefArticle(brief: Brief | undefined, points: number, ui: UiStrings) {
  const skeleton = html`<div aria-hidden="true"><i></i><i class="t"></i><i class="d"></i>${Array(points).fill(pointSkeleton)}<i></i></div>`;
  if (!brief) return html`<article>${skeleton}<div><p><slot></slot></p></div></article>`;
  const { source } = brief;
  return html`<article lang=${brief.lang}>${skeleton}<div><p part="source">${source.name} · <time datetime=${brief.published}>${formatPublished(brief.published, brief.lang)}</time></p><h2 part="title">${brief.title}</h2><p part="lead">${brief.lead}</p><ul part="points">${brief.points
    .slice(0, points)
    .map(
      (point) =>
        html`<li part="point">${point.heading ? html`<strong>${point.heading}</strong> ` : nothing}${pointContent(point)}</li>`,
    )}</ul><p><a part="link" href=${source.url ?? brief.url} lang=${ui.lang}>${source.url ? ui.readOn + source.name : ui.readBrief}</a></p></div></article>`;
}

/**
 * A publisher's news brief, embeddable on any page.
 *
 * @summary Fetches a brief (or the latest briefs) from the news-brief JSON API once the element comes within
 * 200px of the viewport, and shows source, date, title, lead, key points and a link to the full story. While
 * loading it shows a skeleton of exactly the brief's size; whenever it cannot get the brief, only its children.
 *
 * Built on lit-html over a plain HTMLElement rather than LitElement: LitElement alone is 5,686 B gzipped,
 * and with this element's features the bundle measured 7,732 B against a 7,000 B budget.
 *
 * @attr src - URL of one brief's JSON (`GET /api/briefs/{id}`) or of a list (`GET /api/briefs?limit=3&tag=x`),
 * fetched cross-origin without cookies. Setting a new URL fetches again.
 * @attr timeout - Milliseconds before the request is given up; anything but a positive number means 8000.
 * @attr points - Key points shown and reserved while loading; anything but a positive number means 3.
 * @attr layout - `full` (default) or `compact` (source, date, title and link only); other values mean `full`.
 * @attr theme - `inherit` (default: the page's colours), `light`, `dark`, or `auto` (follows
 * `prefers-color-scheme`); other values mean `inherit`.
 * @attr lang - Language of the widget's own text (`fr*` → French, else English); inherited from ancestors.
 *
 * @fires brief-load - {@link BriefLoadEvent}: the briefs are on screen; `event.brief` is the first, `event.briefs` all.
 * @fires brief-error - {@link BriefErrorEvent}: the brief cannot be shown; `event.reason` is
 * `http`, `timeout`, `network` or `invalid`.
 *
 * @csspart source - The line with the source's name and the publication date.
 * @csspart title - The brief's title, an `<h2>` (three lines at most).
 * @csspart lead - The lead paragraph (three lines at most).
 * @csspart points - The `<ul>` of key points.
 * @csspart point - One key point, an `<li>` (two lines at most), with any `em`, `strong`, `code` and http(s) links
 * of the API's `html`; other markup in it is reduced to its text.
 * @csspart link - The link to the full story.
 *
 * @cssprop [--news-brief-accent=inherit] - Colour of the link and its focus ring (the text colour by default).
 * @cssprop [--news-brief-color=inherit] - Text colour; overrides the theme's.
 * @cssprop [--news-brief-background=none] - Background; overrides the theme's (the page shows through by default).
 * @cssprop [--news-brief-border=#8886] - Border colour (a grey that reads on light and dark pages).
 * @cssprop [--news-brief-radius=.5em] - Corner radius.
 *
 * @slot - Fallback content, typically a link to the brief, shown while loading and after an error.
 */
export class NewsBrief extends HTMLElement {
  static observedAttributes = ["src", "timeout", "points", "lang"];

  /** URL of the brief's or the list's JSON; empty means nothing to load. Default `""`. */
  get src(): string {
    return this.getAttribute("src") ?? "";
  }
  set src(value: string) {
    this.setAttribute("src", value);
  }

  /** Request timeout in milliseconds; anything but a positive number means {@link DEFAULT_TIMEOUT}. */
  get timeout(): number {
    return positive(this.getAttribute("timeout"), DEFAULT_TIMEOUT);
  }
  set timeout(value: number) {
    this.setAttribute("timeout", `${value}`);
  }

  /** Key points shown and reserved; anything but a positive number means {@link DEFAULT_POINTS}. */
  get points(): number {
    return positive(this.getAttribute("points"), DEFAULT_POINTS);
  }
  set points(value: number) {
    this.setAttribute("points", `${value}`);
  }

  /** Layout; reflects the `layout` attribute. Default `"full"`. */
  get layout(): Layout {
    return this.getAttribute("layout") === "compact" ? "compact" : "full";
  }
  set layout(value: Layout) {
    this.setAttribute("layout", value);
  }

  /** Colour theme; reflects the `theme` attribute. Default `"inherit"`. */
  get theme(): Theme {
    const theme = this.getAttribute("theme");
    return theme === "light" || theme === "dark" || theme === "auto" ? theme : "inherit";
  }
  set theme(value: Theme) {
    this.setAttribute("theme", value);
  }

  #briefs: Brief[] | undefined;
  #failed = false;
  #request: AbortController | undefined;
  #observer: IntersectionObserver | undefined;

  constructor() {
    super();
    adoptStyles(this.attachShadow({ mode: "open" }));
  }

  connectedCallback(): void {
    // A property set before this script ran (frameworks do) is an own property hiding the accessor: pass it on.
    for (const name of PROPERTIES) {
      if (Object.hasOwn(this, name)) {
        const value = this[name];
        delete (this as Partial<Record<(typeof PROPERTIES)[number], unknown>>)[name];
        Object.assign(this, { [name]: value });
      }
    }
    // Also a move in the document: the disconnect dropped the request, so wait to be near the viewport again.
    if (!this.#briefs && !this.#failed) this.#watch();
    this.#render();
  }

  disconnectedCallback(): void {
    this.#stop();
  }

  attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    if (name === "src" && old !== value) {
      this.#briefs = undefined;
      this.#failed = false;
      if (this.isConnected) this.#watch();
    }
    this.#render();
  }

  #render(): void {
    if (!this.isConnected) return;
    const loading = !!this.src && !this.#briefs && !this.#failed;
    if (loading) this.setAttribute("aria-busy", "true");
    else this.removeAttribute("aria-busy");
    render(this.#template(loading), this.shadowRoot as ShadowRoot, { host: this });
  }

  #template(loading: boolean) {
    const ui = uiStrings(this);
    if (!loading && !this.#briefs) return html`<slot></slot>`;
    const points = this.points;
    // The skeleton: as many empty briefs as the list will hold (its `limit`), else one.
    const briefs =
      this.#briefs ?? Array(positive(/[?&]limit=(\d+)/.exec(this.src)?.[1] ?? null, 1)).fill(undefined);
    return html`${loading ? html`<span role="progressbar" aria-label=${ui.loading}></span>` : nothing}${briefs.map(
      (brief?: Brief) => briefArticle(brief, points, ui),
    )}`;
  }

  /** Loads once the element is within 200px of the viewport, so an embed far down the page costs nothing until then. */
  #watch(): void {
    this.#stop();
    if (!this.src) return;
    const observer = new IntersectionObserver(
      ([entry]) => {
        if (entry?.isIntersecting) {
          observer.disconnect();
          this.#load();
        }
      },
      { rootMargin: "200px" },
    );
    observer.observe(this);
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
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      request.abort();
    }, this.timeout);
    const result = await fetchBriefs(this.src, request.signal);
    clearTimeout(timer);
    // A newer src or a disconnect replaced this request: its outcome is nobody's news.
    if (request !== this.#request) return;
    this.#request = undefined;
    if (typeof result === "string") {
      this.#failed = true;
      this.#render();
      this.dispatchEvent(new BriefErrorEvent(timedOut ? "timeout" : result));
    } else {
      this.#briefs = result;
      this.#render();
      this.dispatchEvent(new BriefLoadEvent(result));
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "news-brief": NewsBrief;
  }
}

// The <news-brief> element: fetches one brief, or a list of them, once near the viewport and renders it in shadow DOM.
import { adoptStyles, html, LitElement, nothing, type PropertyValues, unsafeCSS } from "lit";
import type { Brief } from "./brief.js";
import { BriefLoader } from "./brief-loader.js";
import { newsBriefStyles } from "./news-brief-styles.js";
import { pointContent } from "./point-html.js";
import { formatPublished } from "./published-date.js";
import { type UiStrings, uiStrings } from "./ui-strings.js";

/** Milliseconds a request may take when `timeout` is absent or not a positive integer. */
export const DEFAULT_TIMEOUT = 8000;

/** Key points shown (and reserved while loading) when `points` is absent or not a positive integer. */
export const DEFAULT_POINTS = 3;

/** How the brief is laid out: everything, or source, date, title and link only. */
export type Layout = "full" | "compact";

/** Whose colours the brief uses: the page's, its own light or dark ones, or those matching `prefers-color-scheme`. */
export type Theme = "inherit" | "light" | "dark" | "auto";

// Attribute converters that forgive: a value they do not know is `undefined`, which with `useDefault` means
// the property's default (and, for a removed attribute, the default again).
const whole = (value: string | null) =>
  /^\d+$/.test(value ?? "") && Number(value) > 0 ? Number(value) : undefined;
const oneOf =
  <T extends string>(...values: T[]) =>
  (value: string | null) =>
    values.find((known) => known === value);

// The skeleton's box for one key point; see news-brief-styles.ts for how the skeleton sizes the brief.
const pointSkeleton = html`<i class="p"></i>`;

/**
 * One brief's `<article>`: the skeleton (hidden from assistive technology, painted only while loading) and,
 * over it in the same grid cell, the brief, or while there is none the fallback where the link will be. The
 * whole brief drops the skeleton once shown, so it takes its own height; a clamped one keeps it.
 */
function briefArticle(brief: Brief | undefined, points: number, lines: number | undefined, ui: UiStrings) {
  const skeleton =
    !brief || lines
      ? html`<div aria-hidden="true"><i></i><i class="t"></i><i class="d"></i>${Array(points).fill(pointSkeleton)}<i></i></div>`
      : nothing;
  const clamp = lines ? "c" : "";
  if (!brief) return html`<article class=${clamp}>${skeleton}<div><p><slot></slot></p></div></article>`;
  const { source } = brief;
  return html`<article class=${clamp} lang=${brief.lang}>${skeleton}<div><p part="source">${source.name} · <time datetime=${brief.published}>${formatPublished(brief.published, brief.lang)}</time></p><h2 part="title">${brief.title}</h2><p part="lead">${brief.lead}</p><ul part="points">${brief.points
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
 * 200px of the viewport (at once when it already is), and shows source, date, title, lead, key points and a link to the full story. It shows
 * the whole brief; while loading, a skeleton of a typical brief's size. With `lines`, each point is clamped and
 * the skeleton is exactly the brief's size. Whenever it cannot get the brief, it shows only its children.
 *
 * @attr src - URL of one brief's JSON (`GET /api/briefs/{id}`) or of a list (`GET /api/briefs?limit=3&tag=x`),
 * fetched cross-origin without cookies. Setting a new URL fetches again.
 * @attr timeout - Milliseconds before the request is given up; anything but a positive integer means 8000.
 * @attr points - Key points shown and reserved while loading; anything but a positive integer means 3.
 * @attr lines - Clamps each key point to this many lines, and title and lead to 3, so the box has a fixed size;
 * anything but a positive integer means no clamp (the default: everything in full).
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
 * @csspart title - The brief's title, an `<h2>` (three lines at most with `lines`).
 * @csspart lead - The lead paragraph (three lines at most with `lines`).
 * @csspart points - The `<ul>` of key points.
 * @csspart point - One key point, an `<li>` (`lines` lines at most), with any `em`, `strong`, `code` and http(s) links
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
export class NewsBrief extends LitElement {
  static override styles = newsBriefStyles;

  static override properties = {
    src: { reflect: true, useDefault: true },
    timeout: { reflect: true, useDefault: true, converter: whole },
    points: { reflect: true, useDefault: true, converter: whole },
    lines: { reflect: true, useDefault: true, converter: whole },
    layout: { reflect: true, useDefault: true, converter: oneOf("compact") },
    theme: { reflect: true, useDefault: true, converter: oneOf("light", "dark", "auto") },
  };

  // `lang` is the platform's own property, so it is observed rather than declared: a change re-renders the
  // widget's words, and `el.lang` keeps its native behaviour.
  static override get observedAttributes(): string[] {
    // biome-ignore lint/complexity/noThisInStatic: Lit's getter must run on this class to list its attributes.
    return [...super.observedAttributes, "lang"];
  }

  /** URL of the brief's or the list's JSON; empty means nothing to load. Reflects `src`. Default `""`. */
  declare src: string;
  /** Request timeout in milliseconds; anything but a positive integer means {@link DEFAULT_TIMEOUT}. */
  declare timeout: number;
  /** Key points shown and reserved; anything but a positive integer means {@link DEFAULT_POINTS}. */
  declare points: number;
  /** Lines each key point is clamped to; `undefined` (the default) shows every point in full. */
  declare lines: number | undefined;
  /** Layout; reflects the `layout` attribute. Default `"full"`. */
  declare layout: Layout;
  /** Colour theme; reflects the `theme` attribute. Default `"inherit"`. */
  declare theme: Theme;

  #loader = new BriefLoader(this);
  /** The line count last adopted as `--_l`. */
  #lineCount: number | undefined;

  constructor() {
    super();
    // Through the accessors, so that `useDefault` records each default (class fields would hide them).
    this.src = "";
    this.timeout = DEFAULT_TIMEOUT;
    this.points = DEFAULT_POINTS;
    this.lines = undefined;
    this.layout = "full";
    this.theme = "inherit";
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === "lang") this.requestUpdate();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has("src")) this.#loader.load(this.src);
    // The clamp's line count (`--_l`) in a stylesheet of its own, constructed and adopted, which a page's
    // `style-src` CSP does not govern as it would a style attribute. Browsers without constructable
    // stylesheets (Safari < 16.4) get Lit's fallback instead: <style> elements, where the CSP allows them.
    if (this.lines && this.lines !== this.#lineCount) {
      this.#lineCount = this.lines;
      adoptStyles(this.renderRoot as ShadowRoot, [newsBriefStyles, unsafeCSS(`:host{--_l:${this.lines}}`)]);
    }
    if (this.#loader.loading) this.setAttribute("aria-busy", "true");
    else this.removeAttribute("aria-busy");
  }

  protected override render() {
    const ui = uiStrings(this);
    const { briefs, loading } = this.#loader;
    if (!loading && !briefs) return html`<slot></slot>`;
    // The skeleton: as many empty briefs as the list will hold (its `limit`), else one.
    const shown = briefs ?? Array(whole(/[?&]limit=(\d+)/.exec(this.src)?.[1] ?? null) ?? 1).fill(undefined);
    return html`${loading ? html`<span role="progressbar" aria-label=${ui.loading}></span>` : nothing}${shown.map(
      (brief?: Brief) => briefArticle(brief, this.points, this.lines, ui),
    )}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "news-brief": NewsBrief;
  }
}

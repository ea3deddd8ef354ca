// Reads back what a <news-brief> shows, from its shadow DOM, as plain data to assert on.
import type { Page } from "playwright-core";

/** What one `<news-brief>` renders; `null` where the element is absent. */
export interface ShownBrief {
  busy: string | null;
  articleLang: string | null;
  source: string | null;
  datetime: string | null;
  date: string | null;
  titleTag: string | null;
  title: string | null;
  lead: string | null;
  /** Each key point: its heading, its whole text, and its markup after the heading (lit's comments left out). */
  points: { heading: string | null; text: string; markup: string }[];
  link: { href: string | null; text: string; lang: string | null } | null;
  /** Whether the light-DOM fallback is slotted (so visible) right now. */
  fallbackSlotted: boolean;
}

/** Reads the first element matching `selector` (default `news-brief`), piercing its shadow root. */
export function shownBrief(page: Page, selector = "news-brief"): Promise<ShownBrief> {
  return page.evaluate((selector) => {
    const host = document.querySelector(selector);
    const root = host?.shadowRoot;
    if (!host || !root) throw new Error(`${selector} has no shadow root`);
    const text = (css: string) => root.querySelector(css)?.textContent?.trim() ?? null;
    const link = root.querySelector("a[part=link]");
    const slot = root.querySelector("slot");
    return {
      busy: host.getAttribute("aria-busy"),
      articleLang: root.querySelector("article")?.getAttribute("lang") ?? null,
      source: text("[part=source]"),
      datetime: root.querySelector("time")?.getAttribute("datetime") ?? null,
      date: text("time"),
      titleTag: root.querySelector("[part=title]")?.tagName ?? null,
      title: text("[part=title]"),
      lead: text("[part=lead]"),
      points: [...root.querySelectorAll("ul[part=points] > li[part=point]")].map((point) => ({
        heading: point.querySelector("strong")?.textContent ?? null,
        text: point.textContent?.trim() ?? "",
        markup: point.innerHTML.replace(/<!--.*?-->/g, "").replace(/^<strong>[^<]*<\/strong> /, ""),
      })),
      link: link && {
        href: link.getAttribute("href"),
        text: link.textContent?.trim() ?? "",
        lang: link.getAttribute("lang"),
      },
      fallbackSlotted: (slot?.assignedNodes().length ?? 0) > 0,
    };
  }, selector);
}

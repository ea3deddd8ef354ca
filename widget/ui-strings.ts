// The widget's own words (not the brief's) in English and French, and how the language is chosen.

/** Interface text in one language. */
export interface UiStrings {
  /** BCP 47 tag of these strings, set as `lang` where they show. */
  lang: "en" | "fr";
  /** Screen-reader label while the brief loads. */
  loading: string;
  /** Link text, followed by the source's name, when the link goes to the original article. */
  readOn: string;
  /** Link text when the link goes to the brief's own page. */
  readBrief: string;
}

const en: UiStrings = {
  lang: "en",
  loading: "Loading…",
  readOn: "Read the full story on ",
  readBrief: "Read the brief",
};

const fr: UiStrings = {
  lang: "fr",
  loading: "Chargement…",
  readOn: "Lire l'article sur ",
  readBrief: "Lire la brève",
};

/**
 * French when the closest `lang` (the element's own, an ancestor's, else `<html lang>`) is `fr` or `fr-*`;
 * English otherwise.
 */
export function uiStrings(element: Element): UiStrings {
  const lang = element.closest("[lang]")?.getAttribute("lang") ?? document.documentElement.lang;
  return /^fr(-|$)/i.test(lang) ? fr : en;
}

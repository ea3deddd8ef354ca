// The words of the HTML pages, in French and English, chosen by the site's or the brief's language.
import { formatLongDate } from "./long-date.js";

const FR = {
  latest: "Les dernières brèves",
  keyPoints: "En quelques mots",
  source: "Source :",
  readSource: "Lire l’article complet",
  tags: "Sujets",
  subscribe: "S’abonner",
  subscribeHint: "Ajoutez l’un de ces flux à votre lecteur :",
  embed: "Intégrer une brève",
  embedHint: "Collez ces quatre lignes dans votre page pour y afficher une brève :",
  embedHints:
    "Les deux premières, de préférence dans le <head>, ouvrent la connexion et chargent le widget plus tôt, pour que la brève s’affiche plus vite.",
  readBrief: "Lire la brève",
  home: "Toutes les brèves",
  published: "Publié le",
  updated: "mis à jour le",
};

/** Every word a page uses. */
export type PageStrings = typeof FR;

const EN: PageStrings = {
  latest: "Latest briefs",
  keyPoints: "In a few words",
  source: "Source:",
  readSource: "Read the full article",
  tags: "Topics",
  subscribe: "Subscribe",
  subscribeHint: "Add one of these feeds to your reader:",
  embed: "Embed a brief",
  embedHint: "Paste these four lines into your page to show a brief there:",
  embedHints:
    "The first two, best placed in the <head>, open the connection and fetch the widget early, so the brief shows sooner.",
  readBrief: "Read the brief",
  home: "All briefs",
  published: "Published",
  updated: "updated",
};

/** The page strings for a language tag: French for `fr*`, else English. */
export function pageStrings(lang: string): PageStrings {
  return lang.toLowerCase().startsWith("fr") ? FR : EN;
}

/** The calendar date of an RFC 3339 date-time as its author wrote it (its own offset), spelled out in `lang`. */
export function longDate(dateTime: string, lang: string): string {
  const day = new Date(`${dateTime.slice(0, 10)}T12:00:00Z`);
  return formatLongDate(day, lang);
}

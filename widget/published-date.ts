// Formats a brief's publication day in the brief's own language.

/**
 * Formats the calendar day of `published` as written (in the publisher's offset, so a reader in another time
 * zone sees the same day) as a long date in `lang`, e.g. "10 juin 2020" for `fr`. A malformed `lang` or day
 * falls back to the `YYYY-MM-DD` text.
 */
export function formatPublished(published: string, lang: string): string {
  const day = published.slice(0, 10);
  // A date-only ISO string is read as UTC midnight (ECMA-262, "Date Time String Format"),
  // so formatting in UTC keeps the day.
  try {
    return new Intl.DateTimeFormat(lang, { dateStyle: "long", timeZone: "UTC" }).format(new Date(day));
  } catch {
    return day;
  }
}

// formatLongDate writes what Intl.DateTimeFormat writes, on whichever Node.js runs the tests.
import { describe, expect, it } from "vitest";
import { formatLongDate } from "../../../functions/pages/long-date.js";
import { longDate } from "../../../functions/pages/strings.js";

const intl = (day: Date, lang: string) =>
  new Intl.DateTimeFormat(lang, { dateStyle: "long", timeZone: "UTC" }).format(day);

/** Noon UTC of every day from 2023 to 2028, leap years included. */
const days = Array.from({ length: 6 * 366 }, (_, index) => new Date(Date.UTC(2023, 0, 1 + index, 12)));

describe("formatLongDate", () => {
  for (const lang of ["fr", "fr-FR", "FR", "en", "en-US", "EN-us"]) {
    it(`writes every day as Intl does for ${lang}`, () => {
      const differing = days.filter((day) => formatLongDate(day, lang) !== intl(day, lang));
      expect(differing.map((day) => day.toISOString())).toEqual([]);
    });
  }

  it("leaves other languages and regions to Intl", () => {
    const day = new Date(Date.UTC(2026, 11, 2, 12));
    for (const lang of ["en-GB", "fr-CA", "de", "es-ES", "ja"])
      expect(formatLongDate(day, lang)).toBe(intl(day, lang));
    expect(formatLongDate(day, "en-GB")).toBe("2 December 2026");
  });

  it("spells out a brief's date in French and English", () => {
    expect(longDate("2026-03-01T23:30:00-05:00", "fr")).toBe("1 mars 2026");
    expect(longDate("2026-03-01T23:30:00-05:00", "en")).toBe("March 1, 2026");
  });

  it("refuses a language tag Intl refuses, and an invalid date, as before", () => {
    expect(() => formatLongDate(new Date(Date.UTC(2026, 0, 1)), "fr-a1-")).toThrow(RangeError);
    expect(() => longDate("not a date", "fr")).toThrow(RangeError);
  });
});

// formatPublished: the publication day, in the brief's language, as the publisher dated it.
import { describe, expect, it } from "vitest";
import { formatPublished } from "../../widget/published-date.js";

describe("formatPublished", () => {
  it("writes the day in French for fr", () => {
    expect(formatPublished("2020-06-10T09:00:00+02:00", "fr")).toBe("10 juin 2020");
  });

  it("writes the day in English for en", () => {
    expect(formatPublished("2020-06-10T09:00:00+02:00", "en")).toBe("June 10, 2020");
  });

  it("keeps the publisher's day even when it is another day in UTC", () => {
    expect(formatPublished("2020-06-10T23:30:00-08:00", "fr")).toBe("10 juin 2020");
  });

  it("falls back to the ISO day when the language tag is malformed", () => {
    expect(formatPublished("2020-06-10T09:00:00+02:00", "not a tag!")).toBe("2020-06-10");
  });

  it("falls back to the ISO day when the day does not exist", () => {
    expect(formatPublished("2020-13-45T09:00:00+02:00", "fr")).toBe("2020-13-45");
  });
});

import { describe, expect, test } from "vitest";
import { tagSlug } from "../../../functions/catalog/tag-slug.js";

describe("tagSlug", () => {
  test.each([
    ["Microsoft", "microsoft"],
    ["Éthique", "ethique"],
    ["Intelligence artificielle", "intelligence-artificielle"],
    ["C<>C++", "c-c"],
    ["AT&T", "at-t"],
    ["  Cloud  ", "cloud"],
    ["Ça gronde", "ca-gronde"],
    ["ﬁbre", "fibre"],
  ])("turns %s into %s", (tag, slug) => {
    expect(tagSlug(tag)).toBe(slug);
  });

  test("gives text without letters or digits a URL-safe slug of its own", () => {
    expect(tagSlug("🦊")).toMatch(/^[a-z0-9-]+$/);
    expect(tagSlug("🦊")).not.toBe(tagSlug("🐺"));
  });

  test("is URL-safe for any text", () => {
    for (const tag of ["日本語", "Привет", "<script>", "a/b?c#d", "%20", ".."]) {
      const slug = tagSlug(tag);
      expect(slug).toMatch(/^[a-z0-9-]+$/);
      expect(encodeURIComponent(slug)).toBe(slug);
    }
  });
});

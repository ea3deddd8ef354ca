// parseBrief: which API answers the widget accepts as a brief.
import { describe, expect, it } from "vitest";
import { parseBrief, parseBriefs } from "../../widget/brief.js";
import { baseBrief } from "./support/briefs.js";

const [point] = baseBrief.points;

describe("parseBrief", () => {
  it("returns the brief itself when every rendered field is well-formed", () => {
    expect(parseBrief(baseBrief)).toBe(baseBrief);
  });

  it("accepts a source without a URL and a point without a heading", () => {
    const brief = {
      ...baseBrief,
      source: { ...baseBrief.source, url: null },
      points: [{ ...point, heading: null }],
    };
    expect(parseBrief(brief)).toBe(brief);
  });

  it("accepts a brief without key points", () => {
    const brief = { ...baseBrief, points: [] };
    expect(parseBrief(brief)).toBe(brief);
  });

  const invalid: [string, unknown][] = [
    ["null", null],
    ["a string", "brief"],
    ["an array", [baseBrief]],
    ["no title", { ...baseBrief, title: undefined }],
    ["a numeric lead", { ...baseBrief, lead: 42 }],
    ["no lang", { ...baseBrief, lang: undefined }],
    ["a published date that is not ISO 8601", { ...baseBrief, published: "10 juin 2020" }],
    ["a relative url", { ...baseBrief, url: "/briefs/x" }],
    ["a javascript: url", { ...baseBrief, url: "javascript:alert(1)" }],
    ["no source", { ...baseBrief, source: undefined }],
    ["a source without a name", { ...baseBrief, source: { url: null } }],
    [
      "a javascript: source url",
      { ...baseBrief, source: { ...baseBrief.source, url: "javascript:alert(1)" } },
    ],
    ["a missing source url", { ...baseBrief, source: { name: "Clubic" } }],
    ["points that are not a list", { ...baseBrief, points: { 0: point } }],
    ["a null point", { ...baseBrief, points: [null] }],
    ["a point without text", { ...baseBrief, points: [{ ...point, text: undefined }] }],
    ["a point without html", { ...baseBrief, points: [{ ...point, html: undefined }] }],
    ["a point whose html is not a string", { ...baseBrief, points: [{ ...point, html: ["<em>x</em>"] }] }],
    ["a numeric heading", { ...baseBrief, points: [{ ...point, heading: 1 }] }],
  ];
  for (const [what, data] of invalid) {
    it(`returns undefined for ${what}`, () => {
      expect(parseBrief(data)).toBeUndefined();
    });
  }
});

describe("parseBriefs", () => {
  it("returns one brief as a list of one", () => {
    expect(parseBriefs(baseBrief)).toEqual([baseBrief]);
  });

  it("returns the items of a list answer, in order", () => {
    const second = { ...baseBrief, title: "Deuxième" };
    expect(parseBriefs({ items: [baseBrief, second], next: null })).toEqual([baseBrief, second]);
  });

  const invalid: [string, unknown][] = [
    ["null", null],
    ["an empty list", { items: [], next: null }],
    ["a list with one bad item", { items: [baseBrief, { ...baseBrief, title: null }], next: null }],
    ["items that are not an array", { items: { 0: baseBrief } }],
    ["a bare array", [baseBrief]],
  ];
  for (const [what, data] of invalid) {
    it(`returns undefined for ${what}`, () => {
      expect(parseBriefs(data)).toBeUndefined();
    });
  }
});

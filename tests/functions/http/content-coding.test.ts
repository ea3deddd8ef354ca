import { describe, expect, test } from "vitest";
import { codingFor, negotiateCoding } from "../../../functions/http/content-coding.js";

const HEADERS = [
  [undefined, undefined],
  ["", undefined],
  ["gzip", "gzip"],
  ["gzip, deflate, br", "br"],
  ["br;q=0, gzip", "gzip"],
  ["gzip;q=0.5, br;q=0.4", "gzip"],
  ["gzip;q=0.5, br;q=0.5", "br"],
  ["identity", undefined],
  ["*", "br"],
  ["*;q=0, gzip", "gzip"],
  ["br;q=0, gzip;q=0", undefined],
  ["x-gzip", "gzip"],
  ["GZIP", "gzip"],
  ["deflate", undefined],
  ["br;q=abc, gzip", "gzip"],
] as const;

describe("negotiateCoding", () => {
  test.each(HEADERS)("chooses %s → %s", (header, expected) => {
    expect(negotiateCoding(header)).toBe(expected);
  });

  test.each([
    ["br, gzip", [], undefined],
    ["br, gzip", ["gzip"], "gzip"],
    ["*", ["gzip"], "gzip"],
  ] as const)("offers only the codings the runtime has: %s with %j → %s", (header, available, expected) => {
    expect(negotiateCoding(header, available)).toBe(expected);
  });
});

describe("codingFor, which remembers each header's choice", () => {
  test.each(HEADERS)("chooses %s → %s, the first time and the next", (header, expected) => {
    expect(codingFor(header)).toBe(expected);
    expect(codingFor(header)).toBe(expected);
  });

  test("still chooses right past the values it remembers, and for a header too long to remember", () => {
    for (let i = 0; i < 600; i++) {
      expect(codingFor(`gzip;q=0.${i % 10}, br;q=0.${(i + 5) % 10}, x-${i}`)).toBe(
        i % 10 === 0 && (i + 5) % 10 === 0 ? undefined : i % 10 > (i + 5) % 10 ? "gzip" : "br",
      );
    }
    const long = `${"x-made-up, ".repeat(100)}gzip`;
    expect(codingFor(long)).toBe("gzip");
    expect(codingFor(`${long};q=0`)).toBe(undefined);
    expect(codingFor("gzip, deflate, br")).toBe("br");
  });
});

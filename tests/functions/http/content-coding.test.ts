import { describe, expect, test } from "vitest";
import { negotiateCoding } from "../../../functions/http/content-coding.js";

describe("negotiateCoding", () => {
  test.each([
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
  ])("chooses %s → %s", (header, expected) => {
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

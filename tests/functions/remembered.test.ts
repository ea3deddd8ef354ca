import { describe, expect, test } from "vitest";
import { remembered } from "../../functions/remembered.js";

describe("remembered", () => {
  test("computes once per argument, undefined results included", () => {
    const calls: string[] = [];
    const f = remembered((key) => {
      calls.push(key);
      return key === "none" ? undefined : key.toUpperCase();
    });
    expect([f("a"), f("a"), f("none"), f("none"), f("b")]).toEqual(["A", "A", undefined, undefined, "B"]);
    expect(calls).toEqual(["a", "none", "b"]);
  });

  test("within limits, computes a long argument each time and starts again past the entries", () => {
    const calls: string[] = [];
    const f = remembered(
      (key) => {
        calls.push(key);
        return key.length;
      },
      { entries: 2, keyLength: 3 },
    );
    expect([f("long"), f("long")]).toEqual([4, 4]);
    expect(calls).toEqual(["long", "long"]);
    calls.length = 0;
    f("a");
    f("b");
    f("a");
    expect(calls).toEqual(["a", "b"]);
    f("c"); // full: the memory starts again, holding "c" only
    f("a");
    f("c");
    expect(calls).toEqual(["a", "b", "c", "a"]);
  });
});

import { describe, expect, test } from "vitest";
import { BoundedCache } from "../../../functions/catalog/bounded-cache.js";

const keys = (cache: BoundedCache<number>, all: string[]) =>
  all.filter((key) => cache.get(key) !== undefined);

describe("BoundedCache", () => {
  test("drops the least recently used entries past its capacity", () => {
    const cache = new BoundedCache<number>(3);
    cache.set("a", 1);
    cache.set("b", 2);
    cache.set("c", 3);
    // Reading "a" (and "a" again: the newest, which takes the shortcut) makes "b" the least recently used.
    expect(cache.get("a")).toBe(1);
    expect(cache.get("a")).toBe(1);
    cache.set("d", 4);
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("c")).toBe(3);
    cache.set("e", 5);
    // Order now, oldest first: a, d, c, e; "a" goes.
    expect(cache.get("a")).toBeUndefined();
    expect(cache.get("d")).toBe(4);
    expect(cache.get("c")).toBe(3);
    expect(cache.get("e")).toBe(5);
  });

  test("keeps the order right when the newest entry is deleted or set again", () => {
    const cache = new BoundedCache<number>(2);
    cache.set("a", 1);
    cache.set("b", 2);
    cache.delete("b");
    cache.set("c", 3);
    cache.get("a");
    cache.set("d", 4);
    expect(keys(cache, ["a", "b", "c", "d"])).toEqual(["a", "d"]);
    cache.set("a", 10);
    cache.set("e", 5);
    expect(keys(cache, ["a", "d", "e"])).toEqual(["a", "e"]);
  });

  test("counts weights, and keeps an entry heavier than the capacity alone", () => {
    const cache = new BoundedCache<number>(10);
    cache.set("a", 1, 4);
    cache.set("b", 2, 4);
    cache.set("c", 3, 4);
    expect(keys(cache, ["a", "b", "c"])).toEqual(["b", "c"]);
    cache.set("huge", 4, 50);
    expect(keys(cache, ["b", "c", "huge"])).toEqual(["huge"]);
  });

  test("remember computes once for concurrent misses, and forgets a rejection", async () => {
    const cache = new BoundedCache<number>(5);
    let calls = 0;
    const make = async () => ++calls;
    const [one, two] = await Promise.all([cache.remember("k", make), cache.remember("k", make)]);
    expect([one, two, calls]).toEqual([1, 1, 1]);
    await expect(cache.remember("bad", () => Promise.reject(new Error("store down")))).rejects.toThrow(
      "store down",
    );
    expect(await cache.remember("bad", async () => 7)).toBe(7);
    expect(await cache.remember("k", make)).toBe(1);
  });
});

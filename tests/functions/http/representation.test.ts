import { brotliCompressSync, brotliDecompressSync, constants, gunzipSync } from "node:zlib";
import { describe, expect, test } from "vitest";
import { compress } from "../../../functions/http/compression.js";
import { Representation } from "../../../functions/http/representation.js";

// A feed-like body: repetitive markup with varied text, 16 kB or so, where the Brotli qualities differ.
const BODY = Array.from(
  { length: 120 },
  (_, i) =>
    `<item><title>Brief ${i}: ${"news ".repeat(i % 7)}of the day</title><guid>${i * 7919}</guid></item>`,
).join("\n");

/** A Brotli body decoded to text. */
const brotliOf = (bytes: Uint8Array) => new TextDecoder().decode(brotliDecompressSync(bytes));

describe("compression", () => {
  test("each coding and effort decodes to the same bytes", () => {
    const bytes = new TextEncoder().encode(BODY);
    expect(brotliOf(compress("br", bytes, "fast"))).toBe(BODY);
    expect(brotliOf(compress("br", bytes, "smallest"))).toBe(BODY);
    expect(new TextDecoder().decode(gunzipSync(compress("gzip", bytes)))).toBe(BODY);
  });

  test("`smallest` is Brotli at quality 11 and `fast`, the default, at quality 5", () => {
    const bytes = new TextEncoder().encode(BODY);
    const at = (quality: number) =>
      brotliCompressSync(bytes, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: quality,
          [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
        },
      });
    expect(Buffer.from(compress("br", bytes, "smallest"))).toEqual(at(11));
    expect(Buffer.from(compress("br", bytes))).toEqual(at(5));
    expect(compress("br", bytes, "smallest").length).toBeLessThan(compress("br", bytes).length);
  });
});

describe("Representation", () => {
  test("compresses each coding once, at its effort, and keeps it", () => {
    const fast = new Representation(BODY, "application/xml");
    const smallest = new Representation(BODY, "text/javascript", undefined, "smallest");
    expect(fast.encoded("br")).toBe(fast.encoded("br"));
    expect(Buffer.from(fast.encoded("br"))).toEqual(Buffer.from(compress("br", fast.bytes, "fast")));
    expect(Buffer.from(smallest.encoded("br"))).toEqual(
      Buffer.from(compress("br", smallest.bytes, "smallest")),
    );
  });
});

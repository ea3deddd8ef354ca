import { createHash, randomBytes } from "node:crypto";
import { sha256 as portableSha256 } from "@noble/hashes/sha2.js";
import { describe, expect, test } from "vitest";
import { base64, base64url, sha256 } from "../../../functions/http/digest.js";

describe("digest", () => {
  test("sha256 of a string is the FIPS 180-2 value for 'abc'", () => {
    expect(Buffer.from(sha256("abc")).toString("hex")).toBe(
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    );
  });

  test("the portable hash gives the same bytes as node:crypto, so ETags match across runtimes", () => {
    for (const size of [0, 1, 55, 56, 64, 1000, 300_000]) {
      const bytes = new Uint8Array(randomBytes(size));
      const node = createHash("sha256").update(bytes).digest();
      expect(Buffer.from(portableSha256(bytes)).equals(node)).toBe(true);
      expect(Buffer.from(sha256(bytes)).equals(node)).toBe(true);
    }
  });

  test("base64 and base64url match Node's encoders, padding and alphabet included", () => {
    for (const size of [0, 1, 2, 3, 31, 32, 33]) {
      const bytes = new Uint8Array(randomBytes(size));
      expect(base64(bytes)).toBe(Buffer.from(bytes).toString("base64"));
      expect(base64url(bytes)).toBe(Buffer.from(bytes).toString("base64url"));
    }
    expect(base64url(new Uint8Array([0xfb, 0xff]))).toBe("-_8");
  });
});

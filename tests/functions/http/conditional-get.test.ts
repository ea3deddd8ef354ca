import { describe, expect, test } from "vitest";
import { isNotModified } from "../../../functions/http/conditional-get.js";

const ETAG = '"abc"';
const MODIFIED = new Date("2020-06-10T07:00:00.500Z");
const check = (ifNoneMatch?: string, ifModifiedSince?: string) =>
  isNotModified({ ifNoneMatch, ifModifiedSince }, ETAG, MODIFIED);

describe("isNotModified", () => {
  test("is true when If-None-Match holds the ETag, alone, in a list, weak, or *", () => {
    expect(check('"abc"')).toBe(true);
    expect(check('"x", "abc"')).toBe(true);
    expect(check('W/"abc"')).toBe(true);
    expect(check("*")).toBe(true);
  });

  test("is false when If-None-Match holds other ETags", () => {
    expect(check('"abd"')).toBe(false);
    expect(check('"abc-gzip"')).toBe(false);
  });

  test("lets If-None-Match win over If-Modified-Since (RFC 9110 §13.1.3)", () => {
    expect(check('"other"', "Wed, 10 Jun 2030 00:00:00 GMT")).toBe(false);
    expect(check('"abc"', "Thu, 01 Jan 1970 00:00:00 GMT")).toBe(true);
  });

  test("compares If-Modified-Since at the second, and ignores a date it cannot read", () => {
    expect(check(undefined, "Wed, 10 Jun 2020 07:00:00 GMT")).toBe(true);
    expect(check(undefined, "Wed, 10 Jun 2020 06:59:59 GMT")).toBe(false);
    expect(check(undefined, "yesterday")).toBe(false);
    expect(
      isNotModified({ ifNoneMatch: undefined, ifModifiedSince: "Wed, 10 Jun 2020 07:00:00 GMT" }, ETAG),
    ).toBe(false);
  });
});

import { afterEach, describe, expect, test, vi } from "vitest";
import { defaultLogger, jsonLogger } from "../../../functions/log/logger.js";

afterEach(() => {
  vi.restoreAllMocks();
});

describe("jsonLogger", () => {
  test("writes each entry as one line of JSON, with its time", () => {
    const lines: string[] = [];
    jsonLogger((line) => lines.push(line)).log({ level: "warn", message: "a\nb", store: "s3" });
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain("\n");
    expect(JSON.parse(lines[0] ?? "")).toEqual({
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      level: "warn",
      message: "a\nb",
      store: "s3",
    });
  });

  test("writes big integers as text, and drops an entry that cannot be serialised", () => {
    const lines: string[] = [];
    const logger = jsonLogger((line) => lines.push(line));
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    logger.log({ level: "info", message: "big", bytes: 10n ** 20n });
    expect(() => logger.log({ level: "info", message: "cycle", cycle })).not.toThrow();
    expect(lines.map((line) => JSON.parse(line).bytes)).toEqual(["100000000000000000000"]);
  });

  test("puts the time first, and keeps an entry's own time field as its value", () => {
    const lines: string[] = [];
    const logger = jsonLogger((line) => lines.push(line));
    logger.log({ level: "info", message: "first", route: null, nested: { a: [1, "b"] } });
    logger.log({ level: "info", message: "own", time: "yesterday" });
    const [first, own] = lines.map((line) => JSON.parse(line));
    expect(Object.keys(first)).toEqual(["time", "level", "message", "route", "nested"]);
    expect(first.nested).toEqual({ a: [1, "b"] });
    expect(own).toEqual({ time: "yesterday", level: "info", message: "own" });
  });

  test("never throws when writing fails", () => {
    const logger = jsonLogger(() => {
      throw new Error("EPIPE");
    });
    expect(() => logger.log({ level: "error", message: "lost" })).not.toThrow();
  });

  test("writes to stdout through console.log by default", () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => undefined);
    defaultLogger.log({ level: "info", message: "hello" });
    expect(log).toHaveBeenCalledOnce();
    expect(JSON.parse(String(log.mock.calls[0]?.[0]))).toMatchObject({ level: "info", message: "hello" });
  });
});

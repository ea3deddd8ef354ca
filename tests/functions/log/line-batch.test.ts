import { describe, expect, test } from "vitest";
import { lineBatch } from "../../../functions/log/line-batch.js";

/** A batch whose scheduled flushes run only when the test says so. */
function manual() {
  const writes: string[] = [];
  const scheduled: (() => void)[] = [];
  const batch = lineBatch(
    (text) => writes.push(text),
    (flush) => scheduled.push(flush),
  );
  const turn = () => {
    for (const flush of scheduled.splice(0)) flush();
  };
  return { batch, writes, scheduled, turn };
}

describe("lineBatch", () => {
  test("writes the lines of one turn together, in order, one line each, once the turn ends", () => {
    const { batch, writes, scheduled, turn } = manual();
    batch.write("a");
    batch.write("b");
    batch.write("c");
    expect(writes).toEqual([]);
    expect(scheduled).toHaveLength(1);
    turn();
    expect(writes).toEqual(["a\nb\nc\n"]);
    batch.write("d");
    turn();
    expect(writes).toEqual(["a\nb\nc\n", "d\n"]);
  });

  test("flush writes what is kept at once, and nothing when nothing is", () => {
    const { batch, writes, turn } = manual();
    batch.flush();
    expect(writes).toEqual([]);
    batch.write("last");
    batch.flush();
    expect(writes).toEqual(["last\n"]);
    turn();
    expect(writes).toEqual(["last\n"]);
  });

  test("writes a full batch of 1,000 lines without waiting for the turn to end", () => {
    const { batch, writes, turn } = manual();
    for (let i = 0; i < 1_001; i++) batch.write(String(i));
    expect(writes).toHaveLength(1);
    expect(writes[0]?.split("\n")).toHaveLength(1_001);
    turn();
    expect(writes).toEqual([writes[0], "1000\n"]);
  });

  test("loses only the failed batch when its output throws, and never throws itself", () => {
    let fail = true;
    const writes: string[] = [];
    const batch = lineBatch(
      (text) => {
        if (fail) throw new Error("EPIPE");
        writes.push(text);
      },
      () => undefined,
    );
    batch.write("lost");
    expect(() => batch.flush()).not.toThrow();
    fail = false;
    batch.write("kept");
    batch.flush();
    expect(writes).toEqual(["kept\n"]);
  });

  test("flushes by itself on the event loop's next turn by default", async () => {
    const writes: string[] = [];
    const batch = lineBatch((text) => writes.push(text));
    batch.write("one");
    batch.write("two");
    expect(writes).toEqual([]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(writes).toEqual(["one\ntwo\n"]);
  });
});

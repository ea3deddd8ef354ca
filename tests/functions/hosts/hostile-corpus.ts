// The hostile corpus as one more case of the conformance suite: every request of it sent to the host on its real
// runtime, each answer checked by the same rules as in process (tests/support/hostile-answers.ts).
import { expect, test } from "vitest";
import { NOT_CARRIED, runCorpus } from "../../support/hostile-run.js";
import { type HostUnderTest, NotCarriedError } from "./host-under-test.js";

/**
 * Registers the corpus for `host`, which serves content/ at the corpus's base URL (CONFORMANCE_BASE_URL). A request the transport cannot express is skipped and counted as not carried:
 * node:http upper-cases lowercase methods and refuses NULs and spaces on the request line (those go encoded),
 * and an in-process web Request refuses TRACE, TRACK, CONNECT, a body on GET and "*" as a path. A real HTTP
 * server in front may refuse a request itself (400, 413, 414 or 431 from its parser): that is allowed.
 */
export function hostileCorpus(host: string, subject: () => HostUnderTest): void {
  test("answers every request of the hostile corpus with a clear 4xx, a correct 2xx or 3xx, or oEmbed's 501", async () => {
    const { failures, tally } = await runCorpus(
      async ({ method, path, headers, body }) => {
        try {
          return await subject().request(path, { method, headers, ...(body !== undefined && { body }) });
        } catch (error) {
          if (error instanceof NotCarriedError) return NOT_CARRIED;
          throw error;
        }
      },
      { front: true },
    );
    console.log(tally.lines(host).join("\n"));
    expect(failures).toEqual([]);
    expect((await subject().request("/feed.xml")).status).toBe(200);
  }, 120_000);
}

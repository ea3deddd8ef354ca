// The checker of the hostile corpus catches what it is meant to: a 500, a missing nosniff, runnable markup,
// an unclear error, a hang; and lets a front server's own refusal through only where one stands in front.
import { afterEach, describe, expect, test, vi } from "vitest";
import { answerProblems, type HostileAnswer } from "./hostile-answers.js";
import type { HostileRequest } from "./hostile-requests.js";
import { NOT_CARRIED, runCorpus } from "./hostile-run.js";

const request: HostileRequest = {
  class: "injected tag",
  method: "GET",
  path: "/tags/%3Cscript%3Ealert(%22nbxss%22)%3C%2Fscript%3E",
  headers: {},
  expect: [404],
};
const apiRequest: HostileRequest = { ...request, path: "/api/briefs?limit=0", expect: [400] };

function answer(
  status: number,
  type: string,
  body: string,
  headers: Record<string, string> = {},
): HostileAnswer {
  return {
    status,
    headers: new Headers({ "Content-Type": type, "X-Content-Type-Options": "nosniff", ...headers }),
    body: new TextEncoder().encode(body),
  };
}

describe("answerProblems", () => {
  test("accepts the app's 404 page with the tag escaped", () => {
    const page = answer(
      404,
      "text/html; charset=utf-8",
      "<p><code>/tags/&lt;script&gt;alert(&quot;nbxss&quot;)</code></p>",
    );
    expect(answerProblems(request, page)).toEqual([]);
  });

  test("refuses a page that reflects the tag as markup", () => {
    const page = answer(
      404,
      "text/html; charset=utf-8",
      '<p><code>/tags/<script>alert("nbxss")</script></code></p>',
    );
    expect(answerProblems(request, page)).toEqual([expect.stringMatching(/reflects runnable markup/)]);
  });

  test("refuses a javascript: address in an attribute, and an attribute broken out of", () => {
    const link = answer(404, "text/html", "<a href=\"javascript:alert('nbxss')\">x</a>");
    const handler = answer(404, "text/html", "<a title='' onmouseover='alert(\"nbxss\")'>x</a>");
    expect(answerProblems(request, link)).toEqual([expect.stringMatching(/runnable/)]);
    expect(answerProblems(request, handler)).toEqual([expect.stringMatching(/runnable/)]);
  });

  test("refuses markup in a text answer that a browser may sniff, lacking nosniff", () => {
    const sniffable = answer(404, "text/plain", '404 <script>alert("nbxss")</script>', {
      "X-Content-Type-Options": "",
    });
    expect(answerProblems(request, sniffable)).toEqual([
      expect.stringMatching(/nosniff/),
      expect.stringMatching(/runnable/),
    ]);
  });

  test("refuses a 500, and a status the case does not expect", () => {
    expect(answerProblems(request, answer(500, "text/plain", "500 oops"))).toContain(
      "status 500, expected 404",
    );
    expect(answerProblems(request, answer(200, "text/html", "<p>ok</p>"))).toContain(
      "status 200, expected 404",
    );
  });

  test("refuses an API error that is not {error, message} JSON, and a page error with no message", () => {
    expect(answerProblems(apiRequest, answer(400, "text/plain", "400 bad"))).toEqual([
      expect.stringMatching(/API error is not/),
    ]);
    expect(answerProblems(request, answer(404, "text/plain", ""))).toEqual([
      expect.stringMatching(/no HTML or plain/),
    ]);
    expect(
      answerProblems(apiRequest, answer(400, "application/json", '{"error":"bad_request","message":"x"}')),
    ).toEqual([]);
  });

  test("lets a front's 431 without nosniff through only when a front stands before the app", () => {
    const refusal: HostileAnswer = { status: 431, headers: new Headers(), body: new Uint8Array() };
    expect(answerProblems(request, refusal, { front: true })).toEqual([]);
    expect(answerProblems(request, refusal)).toContain("no X-Content-Type-Options: nosniff");
  });

  test("refuses a file read from outside the routes", () => {
    const leak = answer(404, "text/plain", "root:x:0:0:root:/root:/bin/bash");
    expect(answerProblems(request, leak)).toEqual([expect.stringMatching(/leaks a file/)]);
  });
});

describe("runCorpus", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  test("reports a request that gets no answer within 5 s, one that fails, and counts what is not carried", async () => {
    vi.useFakeTimers();
    const requests = [request, { ...request, path: "/fails" }, { ...request, path: "/skipped" }];
    const run = runCorpus(
      async ({ path }) => {
        if (path === "/fails") throw new Error("socket hang up");
        if (path === "/skipped") return NOT_CARRIED;
        return new Promise<never>(() => {});
      },
      { requests },
    );
    await vi.advanceTimersByTimeAsync(5_000);
    const { failures, tally } = await run;
    expect(failures.sort()).toEqual([
      "injected tag: GET /fails: socket hang up",
      "injected tag: GET /tags/%3Cscript%3Ealert(%22nbxss%22)%3C%2Fscript%3E: no answer within 5 s",
    ]);
    expect(tally.lines("test").find((line) => line.includes("injected tag"))).toBe(
      "test · injected tag: 2 sent, 1 not carried; failed×1 timeout×1",
    );
  });
});

// Sends the hostile corpus through one runner, a few requests at a time, and checks every answer.
import {
  ANSWER_TIMEOUT_MS,
  answerProblems,
  type CheckOptions,
  CorpusTally,
  type HostileAnswer,
  isFrontDrop,
  isFrontRefusal,
} from "./hostile-answers.js";
import { HOSTILE_REQUESTS, type HostileRequest } from "./hostile-requests.js";

/** What a transport answers when it cannot express a request at all (nothing was sent). */
export const NOT_CARRIED = Symbol("not carried");

/** Sends one request of the corpus; NOT_CARRIED when the transport cannot carry it. */
export type SendHostile = (request: HostileRequest) => Promise<HostileAnswer | typeof NOT_CARRIED>;

/** Options of runCorpus. */
export interface RunOptions extends CheckOptions {
  /** Requests in flight at once; default 8. */
  concurrency?: number;
  /** Default the whole corpus. */
  requests?: readonly HostileRequest[];
}

/** What a run found: one line per broken rule (none when all is well), and the tally per class. */
export interface CorpusRun {
  failures: string[];
  tally: CorpusTally;
}

/** Sends every request with `send`, each within ANSWER_TIMEOUT_MS, and checks each answer (answerProblems). */
export async function runCorpus(send: SendHostile, options: RunOptions = {}): Promise<CorpusRun> {
  const { concurrency = 8, requests = HOSTILE_REQUESTS } = options;
  const tally = new CorpusTally();
  const failures: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < requests.length) {
      const request = requests[next++] as HostileRequest;
      const name = `${request.class}: ${request.method} ${clip(request.path)}`;
      const outcome = await withTimeout(() => send(request));
      if (outcome === NOT_CARRIED) {
        tally.skipped(request);
      } else if (isFrontDrop(request, outcome, options)) {
        tally.answered(request, "dropped by front");
      } else if (outcome instanceof Error) {
        tally.answered(request, outcome.message === TIMED_OUT ? "timeout" : "failed");
        failures.push(`${name}: ${outcome.message}`);
      } else {
        tally.answered(
          request,
          isFrontRefusal(request, outcome, options) ? `${outcome.status} front` : outcome.status,
        );
        for (const problem of answerProblems(request, outcome, options)) failures.push(`${name}: ${problem}`);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { failures, tally };
}

const TIMED_OUT = `no answer within ${ANSWER_TIMEOUT_MS / 1000} s`;

async function withTimeout<T>(run: () => Promise<T>): Promise<T | Error> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<Error>((resolve) => {
    timer = setTimeout(() => resolve(new Error(TIMED_OUT)), ANSWER_TIMEOUT_MS);
  });
  try {
    return await Promise.race([Promise.resolve().then(run), timeout]).catch((error: unknown) =>
      error instanceof Error ? error : new Error(String(error)),
    );
  } finally {
    clearTimeout(timer);
  }
}

function clip(path: string): string {
  const printable = path.replace(
    /[^\x21-\x7e]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
  return printable.length > 100 ? `${printable.slice(0, 100)}… (${path.length} chars)` : printable;
}

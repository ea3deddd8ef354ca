// The rules every answer to the hostile corpus must keep, on every runner, and a tally of what each class got.
import { brotliDecompressSync, gunzipSync, inflateSync } from "node:zlib";
import {
  CORPUS_BASE_URL,
  HOSTILE_CLASSES,
  type HostileClass,
  type HostileRequest,
} from "./hostile-requests.js";

/** An answer as a runner got it: the body still in its content coding. */
export interface HostileAnswer {
  status: number;
  headers: Headers;
  body: Uint8Array;
}

/** What a runner puts in front of the app. */
export interface CheckOptions {
  /**
   * A real HTTP server or runtime stands in front of the app, and may refuse a request before the app sees it:
   * 400 (its parser), 413, 414 (URI too long) or 431 (header fields too large), with its own body and headers.
   */
  front?: boolean;
}

/** Statuses a front server may answer on its own (RFC 9110 §15.5, RFC 6585 §5). */
const FRONT_REFUSALS = new Set([400, 413, 414, 431]);

/** The methods of HTTP itself (RFC 9110 §9, RFC 5789): a front may refuse any other. */
const STANDARD_METHODS = new Set(["GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH"]);

/**
 * Whether a front may close the connection on `request` instead of answering, and did (`error`): a method
 * outside HTTP's own (Bun's parser closes on BREW or TRACK), or a request line and headers past the smallest
 * common limit (8 KB: Apache, nginx's line buffers), which Node.js answers 431 then resets, often before the
 * client has read the answer.
 */
export function isFrontDrop(request: HostileRequest, error: unknown, options: CheckOptions = {}): boolean {
  const code = (error as NodeJS.ErrnoException)?.code;
  const dropped = code === "ECONNRESET" || code === "EPIPE" || (error as Error)?.message === "socket hang up";
  const headers = Object.entries(request.headers).map(([name, value]) => name.length + value.length + 4);
  const size = headers.reduce((sum, bytes) => sum + bytes, request.path.length);
  const refusable = !STANDARD_METHODS.has(request.method) || size > 8 * 1024;
  return Boolean(options.front) && dropped && refusable;
}

/** Longest wait for one answer: a hang detector, far above any real answer's time. */
export const ANSWER_TIMEOUT_MS = 5_000;

/** Text in an answer that would be a file read from outside the routes: /etc/passwd, package.json, the store. */
const LEAKS = ["root:x:0:0", '"devDependencies"', '"shards":'];

/**
 * Markup the corpus injected (marked `nbxss`), in a form a browser would run: a raw tag, a quote that closes an
 * attribute then opens a handler, or a `javascript:` address in an attribute. Escaped, in a text node, it is inert.
 */
const RUNNABLE = [
  /<script\b[^>]*>[^<]*nbxss/i,
  /<(?:img|svg|iframe)\b[^>]*nbxss/i,
  /["']\s*on[a-z]+\s*=\s*["']?alert\(["']nbxss/i,
  /=\s*["']?\s*javascript:[^>]*nbxss/i,
];

/** Types a browser renders as a document, where reflected markup would run. */
const RENDERED =
  /^(?:text\/html|application\/xhtml\+xml|image\/svg\+xml|text\/xml|application\/(?:[\w.-]+\+)?xml)\b/i;

/**
 * Whether `answer` is a front server's own refusal, made before the app saw the request: 400, 413, 414 or 431,
 * or 501 to a method outside HTTP's own (RFC 9110 §9.1: workerd does so), which the app would not answer there
 * or answers without nosniff (Express, under Google's framework, refuses a malformed %-escape with its own 400).
 */
export function isFrontRefusal(
  request: HostileRequest,
  answer: HostileAnswer,
  options: CheckOptions = {},
): boolean {
  const { status } = answer;
  const nosniff = answer.headers.get("x-content-type-options")?.toLowerCase() === "nosniff";
  const refusal = FRONT_REFUSALS.has(status) || (status === 501 && !STANDARD_METHODS.has(request.method));
  return Boolean(options.front) && refusal && (!nosniff || !request.expect.includes(status));
}

/** The problems with `answer` to `request`; none when it keeps every rule. */
export function answerProblems(
  request: HostileRequest,
  answer: HostileAnswer,
  options: CheckOptions = {},
): string[] {
  const problems: string[] = [];
  const fail = (message: string) => problems.push(message);
  const { status, headers } = answer;
  const nosniff = headers.get("x-content-type-options")?.toLowerCase() === "nosniff";
  if (isFrontRefusal(request, answer, options)) return problems;
  if (!request.expect.includes(status)) fail(`status ${status}, expected ${request.expect.join(" or ")}`);
  if (!nosniff) fail("no X-Content-Type-Options: nosniff");

  let text: string;
  try {
    text = decoded(answer);
  } catch (error) {
    fail(`body does not decode: ${(error as Error).message}`);
    return problems;
  }
  const type = headers.get("content-type") ?? "";
  const head = request.method.toUpperCase() === "HEAD";
  if (!nosniff || type === "" || RENDERED.test(type)) {
    for (const pattern of RUNNABLE) if (pattern.test(text)) fail(`reflects runnable markup (${pattern})`);
  }
  for (const leak of LEAKS) if (text.includes(leak)) fail(`leaks a file: ${leak}`);

  if (status >= 400 && status < 500 && !head) {
    const json = parsed(text);
    const isJson =
      /^application\/json\b/.test(type) &&
      typeof json?.error === "string" &&
      typeof json?.message === "string";
    const isText = /^text\/(?:html|plain)\b/.test(type) && text.trim() !== "";
    const family = familyOf(request.path);
    if (family === "api" && !isJson)
      fail(`API error is not {error, message} JSON: ${type} ${text.slice(0, 80)}`);
    if (family === "other" && !isText)
      fail(`error has no HTML or plain message: ${type} ${text.slice(0, 80)}`);
    if (family === "either" && !isJson && !isText)
      fail(`error has no clear message: ${type} ${text.slice(0, 80)}`);
  }
  if (status === 405 && !headers.get("allow")) fail("405 without Allow");
  if (status === 501 && !/format/.test(text)) fail("501 does not say which format");
  if (status === 200 && !head && (type === "" || answer.body.byteLength === 0))
    fail("200 without type or body");
  if (status === 304 && (answer.body.byteLength > 0 || !headers.get("etag")))
    fail("304 with a body or no ETag");
  if (status >= 300 && status < 400 && status !== 304 && !headers.get("location"))
    fail(`${status} without Location`);
  return problems;
}

/**
 * Whether the app reads the path as its API (JSON errors): as sent and once a URL parser has folded its dot
 * segments and backslashes. Runtimes differ there (Deno passes /a/../b on as it came), so when the two
 * readings differ, either kind of error is clear.
 */
function familyOf(path: string): "api" | "other" | "either" {
  const api = (text: string) => text === "/api" || text.startsWith("/api/");
  const folded = URL.canParse(path, CORPUS_BASE_URL) ? new URL(path, CORPUS_BASE_URL).pathname : path;
  if (api(path) === api(folded)) return api(path) ? "api" : "other";
  return "either";
}

function parsed(text: string): Record<string, unknown> | undefined {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The body as text, decoded from its content coding; an unknown coding is an error. */
function decoded(answer: HostileAnswer): string {
  const coding = answer.headers.get("content-encoding");
  const body = Buffer.from(answer.body);
  if (!coding || coding === "identity") return body.toString("utf8");
  if (coding === "br") return brotliDecompressSync(body).toString("utf8");
  if (coding === "gzip") return gunzipSync(body).toString("utf8");
  // The app never sends deflate; a front may (serverless-offline's hapi compresses on its own).
  if (coding === "deflate") return inflateSync(body).toString("utf8");
  throw new Error(`unknown content coding ${coding}`);
}

/** What one class of the corpus got on one runner. */
interface ClassTally {
  sent: number;
  skipped: number;
  statuses: Map<string, number>;
}

/** Counts, per class, the requests sent, those the transport could not carry, and the statuses seen. */
export class CorpusTally {
  readonly #classes = new Map<HostileClass, ClassTally>(
    HOSTILE_CLASSES.map((name) => [name, { sent: 0, skipped: 0, statuses: new Map() }]),
  );

  /** Records an answer's status, or what happened instead (`431 front`, `timeout`). */
  answered(request: HostileRequest, status: number | string): void {
    const tally = this.#classes.get(request.class) as ClassTally;
    tally.sent++;
    tally.statuses.set(String(status), (tally.statuses.get(String(status)) ?? 0) + 1);
  }

  skipped(request: HostileRequest): void {
    (this.#classes.get(request.class) as ClassTally).skipped++;
  }

  /** One line per class: `bad limit: 88 sent, 0 skipped; 400×72 200×16`. */
  lines(runner: string): string[] {
    return [...this.#classes].map(([name, tally]) => {
      const statuses = [...tally.statuses].sort().map(([status, count]) => `${status}×${count}`);
      return `${runner} · ${name}: ${tally.sent} sent, ${tally.skipped} not carried; ${statuses.join(" ")}`;
    });
  }
}

// `dist/feeds.json`, the build's list of feed documents and their ETags: one schema for the check and the type.
import { readFile } from "node:fs/promises";
import * as v from "valibot";
import { isHttpUrl } from "../content/schema.js";

// A strong entity tag is a quoted opaque-tag without the W/ prefix (RFC 9110 §8.8.3); obs-text is left out.
const STRONG_ETAG = /^"[!#-~]*"$/;

const httpUrl = (example: string) =>
  v.pipe(
    v.string(`must be a URL written as text, like ${example}`),
    v.check(isHttpUrl, `must be an absolute http(s) URL, like ${example}`),
  );

const FeedSchema = v.object(
  {
    url: httpUrl("https://briefs.example.com/feed.xml"),
    etag: v.pipe(
      v.string('must be a strong ETag written as text, like "\\"sha256-…\\""'),
      v.regex(STRONG_ETAG, 'must be a strong ETag in double quotes, like "\\"sha256-…\\""'),
    ),
  },
  "must be an object with a url and an etag",
);

/** The manifest: the WebSub hub (`null` when none is configured) and every feed document with its ETag. */
export const ManifestSchema = v.object(
  {
    hub: v.nullable(httpUrl("https://hub.example.com/")),
    feeds: v.pipe(
      v.array(FeedSchema, "must be a list of { url, etag }"),
      v.check(
        (feeds) => new Set(feeds.map((feed) => feed.url)).size === feeds.length,
        (issue) => `lists ${firstRepeatedUrl(issue.input)} twice; list each feed once`,
      ),
    ),
  },
  "must be a JSON object with hub and feeds",
);

export type Manifest = v.InferOutput<typeof ManifestSchema>;
export type ManifestFeed = Manifest["feeds"][number];

/** Thrown when a manifest or state file is missing, not JSON or the wrong shape; `problems` are `field: what`. */
export class ManifestError extends Error {
  override name = "ManifestError";
  constructor(
    readonly file: string,
    readonly problems: string[],
    options?: ErrorOptions,
  ) {
    super(problems.map((problem) => `${file}: ${problem}`).join("\n"), options);
  }
}

/** Reads and validates the manifest at `file`. Throws ManifestError, naming the file and every problem. */
export async function readManifest(file: string): Promise<Manifest> {
  const text = await readFile(file, "utf8").catch((error: unknown) => {
    throw new ManifestError(
      file,
      [`cannot be read (${errorCode(error)}); run npm run build first, or pass --manifest <file>`],
      { cause: error },
    );
  });
  return parseManifest(file, text);
}

/** Parses `text`, the contents of `file`, as a manifest; `hint` ends each problem (how to fix it). */
export function parseManifest(file: string, text: string, hint = ""): Manifest {
  const suffix = hint ? `; ${hint}` : "";
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ManifestError(file, [`is not JSON (${(error as Error).message})${suffix}`], { cause: error });
  }
  const parsed = v.safeParse(ManifestSchema, data);
  if (parsed.success) return parsed.output;
  throw new ManifestError(
    file,
    parsed.issues.map((issue) => `${describeIssue(issue)}${suffix}`),
  );
}

function describeIssue(issue: v.BaseIssue<unknown>): string {
  const path = v.getDotPath(issue);
  const missing = issue.kind === "schema" && issue.input === undefined && path !== null;
  return `${path ?? "(top level)"}: ${missing ? "is missing; add it" : issue.message}`;
}

function firstRepeatedUrl(feeds: readonly { url: string }[]): string {
  const seen = new Set<string>();
  return feeds.find((feed) => seen.size === seen.add(feed.url).size)?.url ?? "a feed";
}

/** The `code` of a Node.js system error (ENOENT, EACCES…), or its message. */
export function errorCode(error: unknown): string {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return typeof code === "string" ? code : String(message ?? error);
}

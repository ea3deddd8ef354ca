// Reads content/, validates every file against the schemas, and compiles the catalog.
import { createHash } from "node:crypto";
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import * as v from "valibot";
import { BRIEF_ID } from "../../functions/catalog/brief.js";
import { tagSlug } from "../../functions/catalog/tag-slug.js";
import { FileStore } from "../../functions/store/file-store.js";
import type { Brief, Catalog, Site } from "./catalog.js";
import { leadsOutside, readContentFile } from "./content-files.js";
import { readYaml, splitFrontMatter } from "./front-matter.js";
import { parseKeyPoints } from "./key-points.js";
import { describeIssues, FrontMatterSchema, SiteSchema } from "./schema.js";

/** Thrown when content is invalid; `problems` holds every problem, each `file: field: what to do`. */
export class ContentError extends Error {
  override name = "ContentError";
  constructor(readonly problems: string[]) {
    super(
      `content has ${problems.length} problem${problems.length === 1 ? "" : "s"}:\n${problems.map((p) => `  ${p}`).join("\n")}`,
    );
  }
}

/** Options of loadCatalog. */
export interface LoadOptions {
  /** The time of the build, in ms; briefs dated later are refused. Default: now. */
  now?: number;
  /** A folder keeping each valid brief as parsed, by a hash of its file; none by default. */
  cacheDir?: string;
}

/** Loads and validates `dir` (default `content`). Throws one ContentError listing every problem. */
export async function loadCatalog(
  dir = "content",
  { now = Date.now(), cacheDir }: LoadOptions = {},
): Promise<Catalog> {
  const problems: string[] = [];
  const site = await loadSite(dir, problems);
  const siteLang = site?.lang ?? "en";
  const names = await briefNames(dir, problems);
  const briefs: Brief[] = [];
  const cache = cacheDir === undefined ? undefined : new FileStore(cacheDir);
  for (const name of names) {
    const file = join(dir, "briefs", name);
    const brief = await readBrief(dir, name, siteLang, cache);
    if (brief.ok) briefs.push(brief.brief);
    else problems.push(...brief.problems.map((problem) => `${file}: ${problem}`));
  }
  problems.push(
    ...caseTwinProblems(names).map(([name, problem]) => `${join(dir, "briefs", name)}: ${problem}`),
  );
  const fileOf = (brief: Brief) => join(dir, "briefs", `${brief.id}.md`);
  problems.push(...tagSpellingProblems(briefs, fileOf), ...datingProblems(briefs, now, fileOf));
  if (problems.length > 0 || !site) throw new ContentError(problems);
  return { site, briefs: briefs.sort(newestFirst) };
}

/** The names in `dir`/briefs, sorted; a missing, empty or outside folder is a problem. */
async function briefNames(dir: string, problems: string[]): Promise<string[]> {
  const folder = join(dir, "briefs");
  const names = await readdir(folder).catch(() => []);
  const outside = names.length > 0 ? await leadsOutside(dir, folder) : undefined;
  if (outside) problems.push(`${folder}: ${outside}`);
  else if (names.length === 0) problems.push(`${folder}: has no briefs; add one as <id>.md`);
  return outside ? [] : names.sort();
}

/** Reads and parses one brief file (through `cache` when given); every problem, its name's included. */
async function readBrief(dir: string, name: string, siteLang: string, cache: FileStore | undefined) {
  const nameProblem = fileNameProblem(name);
  // A file that does not even end in .md is no brief at all: its name is the one problem to fix.
  if (nameProblem && !/\.md$/i.test(name)) return { ok: false as const, problems: [nameProblem] };
  const read = await readContentFile(dir, join(dir, "briefs", name));
  if (!read.ok)
    return { ok: false as const, problems: [...(nameProblem ? [nameProblem] : []), read.problem] };
  return cache ? parseCached(cache, name, read.text, siteLang) : parseBrief(name, read.text, siteLang);
}

async function loadSite(dir: string, problems: string[]): Promise<Site | undefined> {
  const file = join(dir, "site.yml");
  const read = await readContentFile(dir, file).catch(() => undefined);
  if (read === undefined) {
    problems.push(
      `${file}: is missing; create it with title, description, baseUrl, lang, publisher and feedSize`,
    );
    return undefined;
  }
  if (!read.ok) {
    problems.push(`${file}: ${read.problem}`);
    return undefined;
  }
  const source = read.text;
  const yaml = readYaml(source, 0);
  if (!yaml.ok) {
    problems.push(...yaml.problems.map((p) => `${file}: ${p.replace("front matter", "YAML")}`));
    return undefined;
  }
  const parsed = v.safeParse(SiteSchema, yaml.data);
  if (!parsed.success) {
    problems.push(...describeIssues(parsed.issues).map((p) => `${file}: ${p}`));
    return undefined;
  }
  return {
    ...parsed.output,
    baseUrl: parsed.output.baseUrl.replace(/\/+$/, ""),
    hub: parsed.output.hub ?? null,
  };
}

/**
 * What a cached parse depends on besides the file: bump it whenever parseBrief's output changes, so that
 * no cache written by an older parser is read.
 */
const PARSE_CACHE_FORMAT = 2;

/** parseBrief, through a cache of valid results keyed by the file's name, text and the site's language. */
async function parseCached(cache: FileStore, name: string, source: string, siteLang: string) {
  const hash = createHash("sha256")
    .update(`${PARSE_CACHE_FORMAT}\0${name}\0${siteLang}\0${source}`)
    .digest("hex");
  const key = `${hash.slice(0, 2)}/${hash}.json`;
  const cached = await cache.get(key);
  try {
    if (cached.status === 200) return { ok: true as const, brief: JSON.parse(cached.text) as Brief };
  } catch {
    // A damaged cache entry is only a miss: parse the file again below.
  }
  const parsed = parseBrief(name, source, siteLang);
  if (parsed.ok) await cache.put(key, JSON.stringify(parsed.brief));
  return parsed;
}

/** Parses one brief file; `name` is its file name, `siteLang` the default language. */
export function parseBrief(
  name: string,
  source: string,
  siteLang: string,
): { ok: true; brief: Brief } | { ok: false; problems: string[] } {
  const id = name.replace(/\.md$/, "");
  const nameProblems = [fileNameProblem(name)].filter((problem) => problem !== undefined);
  const split = splitFrontMatter(source);
  if (!split.ok) return { ok: false, problems: [...nameProblems, ...split.problems] };
  const fields = v.safeParse(FrontMatterSchema, split.data);
  const points = parseKeyPoints(split.body, split.bodyLine);
  const problems = [
    ...nameProblems,
    ...(fields.success ? [] : describeIssues(fields.issues)),
    ...(points.ok ? [] : points.problems),
  ];
  if (!fields.success || !points.ok || nameProblems.length > 0) return { ok: false, problems };
  const { title, lead, published, updated, tags, source: from, author, lang, image } = fields.output;
  return {
    ok: true,
    brief: {
      id,
      title,
      lead,
      published,
      updated: updated ?? null,
      lang: lang ?? siteLang,
      tags,
      source: { name: from.name, url: from.url ?? null },
      author: author ?? null,
      image: image ?? null,
      points: points.points,
    },
  };
}

/** What is wrong with a brief's file name, or undefined when it is an id and `.md`. */
export function fileNameProblem(name: string): string | undefined {
  if (name.endsWith(".md") && BRIEF_ID.test(name.slice(0, -".md".length))) return undefined;
  const stem = name.replace(/\.[^.]*$/, "");
  // The tag slug of the name, unless it has no ASCII letter or digit to make one (then tagSlug gives hex).
  const rename = /[a-z0-9]/i.test(stem.normalize("NFKD"))
    ? `rename it ${tagSlug(stem)}.md`
    : "rename it like microsoft-employes-police.md";
  return /\.md$/i.test(name)
    ? `file name: must be a lowercase slug (a-z, 0-9 and hyphens) ending in .md; ${rename}`
    : `file name: is not a brief, whose names end in .md; ${rename}, or move it out of briefs/`;
}

/**
 * Names that differ only by case (Foo.md and foo.md, foo.md and foo.MD) are one file on macOS and Windows,
 * whose file systems ignore case: a checkout there keeps one and loses the other. Each but one is a problem.
 */
export function caseTwinProblems(names: string[]): [name: string, problem: string][] {
  const byFolded = new Map<string, string[]>();
  for (const name of names)
    byFolded.set(name.toLowerCase(), [...(byFolded.get(name.toLowerCase()) ?? []), name]);
  return [...byFolded.values()].flatMap((twins) => {
    const kept = twins.find((name) => fileNameProblem(name) === undefined) ?? twins[0];
    return twins
      .filter((name) => name !== kept)
      .map((name): [string, string] => [
        name,
        `file name: differs from ${kept} only by case, and macOS and Windows would keep only one of the two; merge them into ${kept}`,
      ]);
  });
}

/**
 * Tags written differently but sharing a slug ("Cloud" and "cloud", "C" and "C++") would share one feed
 * address: each later spelling is a problem naming the file that used the first one.
 */
export function tagSpellingProblems(briefs: Brief[], fileOf: (brief: Brief) => string): string[] {
  const first = new Map<string, { tag: string; brief: Brief }>();
  const problems: string[] = [];
  for (const brief of briefs) {
    for (const tag of brief.tags) {
      const seen = first.get(tagSlug(tag));
      if (!seen) first.set(tagSlug(tag), { tag, brief });
      else if (seen.tag !== tag) {
        problems.push(
          `${fileOf(brief)}: tags: "${tag}" and "${seen.tag}" (in ${fileOf(seen.brief)}) would share the feed /tags/${tagSlug(tag)}/; write them the same way or rename one`,
        );
      }
    }
  }
  return problems;
}

/**
 * A brief dated after the build would show in feeds before its time; two briefs last changed at the same
 * instant make feed entries a validator cannot order (W3C: DuplicateUpdated).
 */
export function datingProblems(briefs: Brief[], now: number, fileOf: (brief: Brief) => string): string[] {
  const problems: string[] = [];
  const byInstant = new Map<number, Brief>();
  for (const brief of briefs) {
    for (const field of ["published", "updated"] as const) {
      const value = brief[field];
      if (value !== null && Date.parse(value) > now) {
        problems.push(
          `${fileOf(brief)}: ${field}: is in the future (${value}); date the brief when it goes out`,
        );
      }
    }
    const field = brief.updated === null ? "published" : "updated";
    const instant = Date.parse(brief.updated ?? brief.published);
    const twin = byInstant.get(instant);
    if (twin) {
      problems.push(
        `${fileOf(brief)}: ${field}: is the same instant as in ${fileOf(twin)}; feeds need distinct times, so move one by a minute`,
      );
    } else byInstant.set(instant, brief);
  }
  return problems;
}

/** Newest first by publication time; ties by id, so the order never depends on the file system. */
export function newestFirst(a: Brief, b: Brief): number {
  return Date.parse(b.published) - Date.parse(a.published) || a.id.localeCompare(b.id);
}

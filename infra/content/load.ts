// Reads content/, validates every file against the schemas, and compiles the catalog.
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import * as v from "valibot";
import { BRIEF_ID } from "../../functions/catalog/brief.js";
import { tagSlug } from "../../functions/catalog/tag-slug.js";
import { FileStore } from "../../functions/store/file-store.js";
import type { Brief, Catalog, Site } from "./catalog.js";
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
  const site = await loadSite(join(dir, "site.yml"), problems);
  const names = (await readdir(join(dir, "briefs")).catch(() => [])).sort();
  const briefs: Brief[] = [];
  const cache = cacheDir === undefined ? undefined : new FileStore(cacheDir);
  for (const name of names) {
    const file = join(dir, "briefs", name);
    const source = await readFile(file, "utf8");
    const brief = cache
      ? await parseCached(cache, name, source, site?.lang ?? "en")
      : parseBrief(name, source, site?.lang ?? "en");
    if (brief.ok) briefs.push(brief.brief);
    else problems.push(...brief.problems.map((problem) => `${file}: ${problem}`));
  }
  if (names.length === 0) problems.push(`${join(dir, "briefs")}: has no briefs; add one as <id>.md`);
  const fileOf = (brief: Brief) => join(dir, "briefs", `${brief.id}.md`);
  problems.push(...tagSpellingProblems(briefs, fileOf), ...datingProblems(briefs, now, fileOf));
  if (problems.length > 0 || !site) throw new ContentError(problems);
  return { site, briefs: briefs.sort(newestFirst) };
}

async function loadSite(file: string, problems: string[]): Promise<Site | undefined> {
  const source = await readFile(file, "utf8").catch(() => undefined);
  if (source === undefined) {
    problems.push(
      `${file}: is missing; create it with title, description, baseUrl, lang, publisher and feedSize`,
    );
    return undefined;
  }
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
const PARSE_CACHE_FORMAT = 1;

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
  if (!name.endsWith(".md") || !BRIEF_ID.test(id)) {
    return {
      ok: false,
      problems: ["file name: must be a lowercase slug ending in .md, like microsoft-employes-police.md"],
    };
  }
  const split = splitFrontMatter(source);
  if (!split.ok) return split;
  const fields = v.safeParse(FrontMatterSchema, split.data);
  const points = parseKeyPoints(split.body, split.bodyLine);
  const problems = [
    ...(fields.success ? [] : describeIssues(fields.issues)),
    ...(points.ok ? [] : points.problems),
  ];
  if (!fields.success || !points.ok) return { ok: false, problems };
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

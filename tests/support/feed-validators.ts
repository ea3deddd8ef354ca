// Real validators and parsers for feeds: xmllint, the RFC 4287 RELAX NG grammar, Debian's python3-feedparser.
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { htmlText } from "./html-text.js";

const run = promisify(execFile);

/** RFC 4287 Appendix B, as RELAX NG XML (converted with trang); a copy kept with the tests. */
export const ATOM_GRAMMAR = new URL("./schemas/atom.rng", import.meta.url).pathname;

/** The sitemaps.org 0.9 schemas (copies of ../shared/schemas), and the Google News extension over the first. */
export const SITEMAP_SCHEMA = new URL("./schemas/sitemap.xsd", import.meta.url).pathname;
export const SITEINDEX_SCHEMA = new URL("./schemas/siteindex.xsd", import.meta.url).pathname;
export const NEWS_SITEMAP_SCHEMA = new URL("./schemas/news-sitemap.xsd", import.meta.url).pathname;

/** Runs `use` on a temporary file holding `text`, then deletes it. */
async function withTempFile<T>(name: string, text: string, use: (file: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), "news-brief-"));
  try {
    const file = join(dir, name);
    await writeFile(file, text);
    return await use(file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Runs xmllint; resolves with its complaints ("" when the document is well-formed / valid). A grammar
 * ending in .xsd is a W3C XML Schema, any other RELAX NG.
 */
export function xmllint(xml: string, grammar?: string): Promise<string> {
  return withTempFile("feed.xml", xml, async (file) => {
    const args = [
      "--noout",
      ...(grammar ? [grammar.endsWith(".xsd") ? "--schema" : "--relaxng", grammar] : []),
      file,
    ];
    try {
      const { stderr } = await run("xmllint", args);
      return stderr.replace(`${file} validates\n`, "");
    } catch (error) {
      return (error as { stderr?: string }).stderr || String(error);
    }
  });
}

/** What Debian's feedparser made of a feed. */
export interface ParsedFeed {
  bozo: boolean;
  bozo_exception: string | null;
  version: string;
  feed: { title: string; language: string | null; link: string | null };
  entries: {
    id: string;
    title: string;
    /** "text/plain" or "text/html": how the feed declared the title. */
    title_type: string;
    link: string;
    summary: string;
    content: string;
    tags: string[];
    author: string | null;
    published: string | null;
    enclosures: { href: string; type: string }[];
  }[];
}

const DUMP = `
import json, sys, feedparser
d = feedparser.parse(sys.argv[1])
def tags(e): return [t.get("label") or t.get("term") for t in e.get("tags", [])]
print(json.dumps({
  "bozo": bool(d.bozo), "bozo_exception": str(d.get("bozo_exception")) if d.bozo else None,
  "version": d.version,
  "feed": {"title": d.feed.get("title"), "language": d.feed.get("language"), "link": d.feed.get("link")},
  "entries": [{
    "id": e.get("id"), "title": e.get("title"), "title_type": (e.get("title_detail") or {}).get("type"), "link": e.get("link"), "summary": e.get("summary"),
    "content": (e.get("content") or [{}])[0].get("value"), "tags": tags(e), "author": e.get("author"),
    "published": e.get("published"),
    "enclosures": [{"href": x.get("href"), "type": x.get("type")} for x in e.get("enclosures", [])],
  } for e in d.entries]}))
`;

/** An entry's title as the text a reader shows: decoded when the feed declared it HTML. */
export function entryTitle(entry: ParsedFeed["entries"][number]): string {
  return entry.title_type === "text/html" ? htmlText(entry.title) : entry.title;
}

/** Parses a feed with Debian's python3-feedparser (/usr/bin/python3, not any other Python on PATH). */
export function feedparser(xml: string): Promise<ParsedFeed> {
  return withTempFile("feed.xml", xml, async (file) => {
    const { stdout } = await run("/usr/bin/python3", ["-c", DUMP, file], { maxBuffer: 64 * 1024 * 1024 });
    return JSON.parse(stdout) as ParsedFeed;
  });
}

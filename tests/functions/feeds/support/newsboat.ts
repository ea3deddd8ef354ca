// Debian's newsboat, a real feed reader, run headless in a throwaway home; its SQLite cache read back.
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/** A feed as newsboat's cache holds it (table `rss_feed`). */
export interface NewsboatFeed {
  /** The URL newsboat was subscribed to. */
  rssurl: string;
  /** The site's address, from the feed. */
  url: string;
  title: string;
}

/** An item as newsboat's cache holds it (table `rss_item`). */
export interface NewsboatItem {
  guid: string;
  title: string;
  /** The item's link. */
  url: string;
  /** The feed newsboat last read it from. */
  feedurl: string;
  /** Seconds since the epoch. */
  pubDate: number;
}

/** What newsboat keeps after one reload. */
export interface NewsboatCache {
  feeds: NewsboatFeed[];
  items: NewsboatItem[];
}

/**
 * Subscribes a fresh newsboat to `feedUrls` (one `urls` file, an empty config, HOME in a temporary folder so
 * nothing of the user's is read or written), runs `newsboat -x reload` once and reads its cache with sqlite3.
 * The folder is removed afterwards.
 */
export async function newsboatReload(feedUrls: string[]): Promise<NewsboatCache> {
  const home = await mkdtemp(join(tmpdir(), "news-brief-newsboat-"));
  const urls = join(home, "urls");
  const config = join(home, "config");
  const cache = join(home, "cache.db");
  try {
    await Promise.all([writeFile(urls, `${feedUrls.join("\n")}\n`), writeFile(config, "")]);
    await run("newsboat", ["-u", urls, "-c", cache, "-C", config, "-x", "reload"], {
      env: { PATH: process.env.PATH, HOME: home, LANG: "C.UTF-8" },
      timeout: 15_000,
    });
    const [feeds, items] = await Promise.all([
      sqliteJson<NewsboatFeed>(cache, "select rssurl, url, title from rss_feed order by rssurl"),
      sqliteJson<NewsboatItem>(
        cache,
        "select guid, title, url, feedurl, pubDate from rss_item where deleted = 0 order by guid",
      ),
    ]);
    return { feeds, items };
  } finally {
    await rm(home, { recursive: true, force: true });
  }
}

async function sqliteJson<Row>(database: string, query: string): Promise<Row[]> {
  const { stdout } = await run("sqlite3", ["-readonly", "-json", database, query]);
  // sqlite3 prints nothing at all, not "[]", when no row matches.
  return stdout.trim() === "" ? [] : (JSON.parse(stdout) as Row[]);
}

// The requests a load run sends, in the proportions of a day's traffic: feed readers polling (many of them with
// the ETag they hold, answered 304), partner pages reading the API, and people reading pages.
import { tagSlug } from "../../functions/catalog/tag-slug.js";
import type { LoadRequest } from "./autocannon.js";

/** Accept-Encoding as clients send it: a browser, a feed reader, a Brotli-only client, and none at all. */
export const ENCODINGS: (string | undefined)[] = ["gzip, deflate, br, zstd", "gzip", "br", undefined];

/** Accept as each family's clients send it: a feed reader, a partner page's fetch, a browser. */
const ACCEPT: Record<MixEntry["family"], string> = {
  feed: "application/rss+xml, application/atom+xml;q=0.9, application/xml;q=0.8, */*;q=0.5",
  api: "*/*",
  page: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
};

/** One kind of request of the mix, and how many of every 100 requests it makes up. */
export interface MixEntry {
  family: "feed" | "api" | "page";
  path: string;
  weight: number;
  /** Sent with If-None-Match and the ETag the client holds: a poll answered 304. */
  revalidate?: true;
}

interface ApiPage {
  items: { id: string; tags: string[] }[];
  next: string | null;
}

async function json<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok)
    throw new Error(`GET ${url} answered ${response.status}; the load needs it to answer 200`);
  return (await response.json()) as T;
}

/** The path and query of a URL the server gave. */
const pathOf = (url: string) => {
  const { pathname, search } = new URL(url);
  return pathname + search;
};

/**
 * Finds, on the running server at `base`, what the mix asks for: briefs of the latest page and deeper ones,
 * the busiest tag, a cursor page a few pages down, and an archive feed when there is one.
 */
export async function trafficMix(base: string): Promise<MixEntry[]> {
  const first = await json<ApiPage>(`${base}/api/briefs?limit=50`);
  if (first.items.length === 0) throw new Error("the server holds no brief: a load needs some");
  const counts = new Map<string, number>();
  for (const tag of first.items.flatMap((item) => item.tags)) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  const tag = tagSlug([...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? "");
  // A cursor page three pages of 10 down, and briefs from the first page and from deeper ones.
  let page = await json<ApiPage>(`${base}/api/briefs?limit=10`);
  const cursors: string[] = [];
  for (let i = 0; i < 3 && page.next; i++) {
    cursors.push(pathOf(page.next));
    page = await json<ApiPage>(page.next);
  }
  // The oldest archive page, when there is one, gives a brief and a cursor deep in the catalogue.
  const archived = await fetch(`${base}/archive/1/feed.json`);
  const archive = archived.status === 200;
  const oldest = archive
    ? ((await archived.json()) as { items: { url: string }[] }).items.map((item) =>
        item.url.replace(/^.*\//, ""),
      )
    : [];
  if (!archive) await archived.body?.cancel();
  if (oldest[0]) cursors.push(`/api/briefs?limit=10&cursor=${oldest[0]}`);
  const ids = [
    ...new Set([
      first.items[0]?.id,
      first.items[7]?.id,
      first.items[30]?.id,
      page.items.at(-1)?.id,
      oldest.at(-1),
    ]),
  ].filter((id) => id !== undefined);
  const brief = (i: number) => ids[i % ids.length] as string;

  const entries: MixEntry[] = [
    { family: "feed", path: "/feed.xml", weight: 8 },
    { family: "feed", path: "/atom.xml", weight: 4 },
    { family: "feed", path: "/feed.json", weight: 4 },
    ...(tag ? [{ family: "feed" as const, path: `/tags/${tag}/feed.xml`, weight: 4 }] : []),
    ...(archive ? [{ family: "feed" as const, path: "/archive/1/atom.xml", weight: 2 }] : []),
    { family: "feed", path: "/feed.xml", weight: 14, revalidate: true },
    { family: "feed", path: "/atom.xml", weight: 4, revalidate: true },
    { family: "feed", path: "/feed.json", weight: 4, revalidate: true },
    ...(tag
      ? [{ family: "feed" as const, path: `/tags/${tag}/atom.xml`, weight: 4, revalidate: true as const }]
      : []),
    { family: "api", path: "/api/briefs?limit=3", weight: 2, revalidate: true },
    { family: "page", path: `/briefs/${brief(0)}`, weight: 2, revalidate: true },
    { family: "api", path: "/api/briefs", weight: 6 },
    { family: "api", path: "/api/briefs?limit=3", weight: 4 },
    ...(tag ? [{ family: "api" as const, path: `/api/briefs?tag=${tag}&limit=5`, weight: 3 }] : []),
    ...cursors.map((path) => ({ family: "api" as const, path, weight: 2 })),
    ...ids.map((id) => ({ family: "api" as const, path: `/api/briefs/${id}`, weight: 2 })),
    { family: "page", path: "/", weight: 6 },
    ...ids.map((id) => ({ family: "page" as const, path: `/briefs/${id}`, weight: 2 })),
    ...(tag ? [{ family: "page" as const, path: `/tags/${tag}`, weight: 2 }] : []),
    { family: "page", path: "/widget/news-brief.js", weight: 3 },
  ];
  return entries;
}

/**
 * The mix as autocannon requests, `total` of them in proportion to their weights, interleaved, each with an
 * Accept-Encoding in turn from ENCODINGS. A revalidating entry carries the ETag the server gives that path and coding
 * now, and is checked to answer 304 before the load starts.
 */
export async function loadRequests(base: string, entries: MixEntry[], total = 200): Promise<LoadRequest[]> {
  const weights = entries.reduce((sum, entry) => sum + entry.weight, 0);
  const slots: { entry: MixEntry; at: number }[] = [];
  for (const entry of entries) {
    const count = Math.max(1, Math.round((entry.weight / weights) * total));
    // Spread each entry's copies evenly over the sequence, so that no connection sends one kind in a burst.
    for (let i = 0; i < count; i++) slots.push({ entry, at: (i + 0.5) / count });
  }
  slots.sort((a, b) => a.at - b.at);
  const requests: LoadRequest[] = [];
  for (const [i, { entry }] of slots.entries()) {
    const encoding = ENCODINGS[i % ENCODINGS.length];
    const headers: Record<string, string> = {
      accept: ACCEPT[entry.family],
      ...(encoding && { "accept-encoding": encoding }),
    };
    if (entry.revalidate) headers["if-none-match"] = await currentEtag(base, entry.path, headers);
    requests.push({ method: "GET", path: entry.path, headers });
  }
  return requests;
}

const etags = new Map<string, string>();

async function currentEtag(base: string, path: string, headers: Record<string, string>): Promise<string> {
  const id = `${base} ${path} ${headers["accept-encoding"] ?? ""}`;
  const known = etags.get(id);
  if (known) return known;
  const response = await fetch(base + path, { headers });
  await response.arrayBuffer();
  const etag = response.headers.get("etag");
  if (!response.ok || !etag) throw new Error(`GET ${path} answered ${response.status} without an ETag`);
  const again = await fetch(base + path, { headers: { ...headers, "if-none-match": etag } });
  await again.arrayBuffer();
  if (again.status !== 304)
    throw new Error(`GET ${path} with If-None-Match: ${etag} answered ${again.status}`);
  etags.set(id, etag);
  return etag;
}

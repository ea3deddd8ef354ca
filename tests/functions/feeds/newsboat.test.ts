// Newsboat, a real feed reader, subscribed over HTTP to the running app: every brief reaches it as written.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type RunningServer, startServer } from "../../../functions/adapters/node-server.js";
import { tagSlug } from "../../../functions/catalog/tag-slug.js";
import { cleanText } from "../../../functions/catalog/xml-text.js";
import type { Brief, Catalog } from "../../../infra/content/catalog.js";
import { loadCatalog } from "../../../infra/content/load.js";
import { generatedCatalog, hostileCatalog } from "../../fixtures/catalog.js";
import { WIDGET_SCRIPT } from "../../support/test-app.js";
import { contentOf } from "../../support/test-content.js";
import { newsboatReload } from "./support/newsboat.js";

/** A feed to subscribe to, and what it should carry. */
interface Subscription {
  path: string;
  title: string;
  briefs: Brief[];
}

/** Every feed newsboat subscribes to: the main RSS and Atom feeds, then each tag's. */
function subscriptions({ site, briefs }: Catalog): Subscription[] {
  const sets = new Map([["", { title: site.title, briefs }]]);
  for (const brief of briefs) {
    for (const tag of brief.tags) {
      const set = sets.get(tagSlug(tag)) ?? { title: `${site.title} — ${tag}`, briefs: [] };
      if (!set.briefs.includes(brief)) set.briefs.push(brief);
      sets.set(tagSlug(tag), set);
    }
  }
  return [...sets].flatMap(([slug, set]) =>
    ["feed.xml", "atom.xml"].map((file) => ({
      path: `${slug ? `/tags/${slug}` : ""}/${file}`,
      title: set.title,
      briefs: set.briefs.slice(0, site.feedSize),
    })),
  );
}

const byUrl = (a: { url: string }, b: { url: string }) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0);

describe.each([
  { name: "the real content", catalog: await loadCatalog("content") },
  { name: "a generated catalog of 12 briefs", catalog: generatedCatalog(12) },
  { name: "hostile text", catalog: hostileCatalog() },
])("newsboat reading the feeds of $name", ({ catalog }) => {
  let server: RunningServer;

  beforeAll(async () => {
    server = await startServer(contentOf(catalog), WIDGET_SCRIPT, { port: 0, env: {} });
  });

  afterAll(() => server?.close());

  // One reload per feed: newsboat's cache keeps one item per guid, and the feeds share their ids.
  test.each(subscriptions(catalog))(
    "$path gives every brief with its exact title, link and date",
    async ({ path, title, briefs }) => {
      const { feeds, items } = await newsboatReload([`${server.url}${path}`]);
      expect(feeds).toEqual([
        { rssurl: `${server.url}${path}`, url: `${server.url}/`, title: cleanText(title) },
      ]);
      expect(
        items.map((item) => ({ title: item.title, url: item.url, pubDate: item.pubDate })).sort(byUrl),
      ).toEqual(
        briefs
          .map((brief) => ({
            title: cleanText(brief.title),
            url: `${server.url}/briefs/${brief.id}`,
            pubDate: Date.parse(brief.published) / 1000,
          }))
          .sort(byUrl),
      );
    },
  );

  test("subscribed to every feed at once, it shows each brief once", async () => {
    const all = subscriptions(catalog);
    const { feeds, items } = await newsboatReload(all.map(({ path }) => `${server.url}${path}`));
    expect(feeds.map(({ rssurl, title }) => ({ url: rssurl, title })).sort(byUrl)).toEqual(
      all.map(({ path, title }) => ({ url: `${server.url}${path}`, title: cleanText(title) })).sort(byUrl),
    );
    const ids = new Set(all.flatMap(({ briefs }) => briefs.map((brief) => brief.id)));
    expect(items.map((item) => item.guid).sort()).toEqual(
      [...ids].map((id) => `tag:${catalog.site.idAuthority}:brief:${id}`).sort(),
    );
  });
});

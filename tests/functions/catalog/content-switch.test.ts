// Requests in flight while the content changes version: each one finishes on the version it started with,
// whatever the others read meanwhile. The store holds document reads back on a gate, so that every request
// is caught between its manifest and its documents while the next version is published and read.
import { describe, expect, test } from "vitest";
import { allSections } from "../../../functions/all-sections.js";
import { createApp } from "../../../functions/app.js";
import { Content } from "../../../functions/catalog/content.js";
import { MANIFEST_KEY } from "../../../functions/catalog/store-layout.js";
import type { ContentStore, ReadOptions, StoreAnswer } from "../../../functions/store/content-store.js";
import { MemoryStore } from "../../../functions/store/memory-store.js";
import type { Catalog } from "../../../infra/content/catalog.js";
import { compileInto } from "../../../infra/store/compile-store.js";
import { generatedCatalog } from "../../fixtures/catalog.js";
import { WIDGET_SCRIPT } from "../../support/test-app.js";

/** A MemoryStore whose document reads (never the manifest's) wait while the gate is shut. */
class GatedStore implements ContentStore {
  readonly name = "gated";
  readonly inner = new MemoryStore();
  /** Reads waiting at the gate. */
  waiting = 0;
  #open: Promise<void> = Promise.resolve();
  #release = () => {};

  async get(key: string, options?: ReadOptions): Promise<StoreAnswer> {
    if (key !== MANIFEST_KEY) {
      this.waiting++;
      await this.#open;
      this.waiting--;
    }
    return this.inner.get(key, options);
  }

  shut(): void {
    this.#open = new Promise((resolve) => {
      this.#release = resolve;
    });
  }

  open(): void {
    this.#release();
  }

  /** Writes `catalog`'s documents, the manifest last, as a publish does. */
  publish(catalog: Catalog): void {
    compileInto(catalog, ({ key, text }) => void this.inner.put(key, text));
  }
}

/** Version `n` of a catalogue: every title says which version it is; the second also has two more briefs. */
const version = (n: 1 | 2): Catalog => {
  const catalog = generatedCatalog(n === 1 ? 30 : 32, { feedSize: 6 });
  return { ...catalog, briefs: catalog.briefs.map((brief) => ({ ...brief, title: `V${n} ${brief.title}` })) };
};

/** The paths read, from every family and every kind of document: latest, archives, index, briefs, sitemaps. */
const PATHS = [
  "/feed.xml",
  "/atom.xml",
  "/tags/cloud/feed.json",
  "/tags/microsoft/feed.xml",
  "/archive/1/feed.xml",
  "/archive/4/feed.json",
  "/tags/cloud/archive/2/atom.xml",
  "/api/briefs?limit=50",
  "/api/briefs?limit=5&cursor=brief-0012",
  "/api/briefs?tag=cloud&limit=4&cursor=brief-0020",
  "/api/briefs/brief-0007",
  "/briefs/brief-0007",
  "/briefs/brief-0025",
  "/embed/brief-0013",
  "/tags/ethique",
  "/",
  "/sitemaps/briefs-1.xml",
  "/sitemap-news.xml",
  "/oembed?url=https%3A%2F%2Fbriefs.example.com%2Fbriefs%2Fbrief-0003&format=json",
];

/** A fresh app over `store` that checks the manifest on every request; `answer` gives a path's status and body. */
function serve(store: ContentStore) {
  const app = createApp(new Content(store, { ttlSeconds: 0 }), allSections(WIDGET_SCRIPT), {
    logger: { log() {} },
  });
  return async (path: string) => {
    const response = await app.request(`https://briefs.example.com${path}`);
    return `${response.status}\n${await response.text()}`;
  };
}

/** Every path's answer from a fresh app, with the gate open. */
async function reference(store: GatedStore): Promise<Map<string, string>> {
  const answer = serve(store);
  return new Map(await Promise.all(PATHS.map(async (path) => [path, await answer(path)] as const)));
}

/** Lets pending requests run until each is done or waits at the gate: no new read for 20 turns of the loop. */
async function settle(store: GatedStore): Promise<number> {
  for (let i = 0, still = 0, last = -1; i < 1000 && still < 20; i++) {
    await new Promise((resolve) => setImmediate(resolve));
    still = store.waiting === last ? still + 1 : 0;
    last = store.waiting;
  }
  return store.waiting;
}

describe("a content switch while requests are in flight", () => {
  test("every request started on the old version answers it whole, and every later one the new version", async () => {
    const store = new GatedStore();
    store.publish(version(1));
    const before = await reference(store);
    const answer = serve(store);
    store.shut();

    // Every path is asked on version 1 and stops at its first document read, several times over.
    const early = PATHS.flatMap((path) => [0, 1, 2].map(async () => ({ path, text: await answer(path) })));
    const waiting = await settle(store);
    expect(waiting).toBeGreaterThan(PATHS.length);

    // Version 2 is published and read by new requests while the first ones still wait for their documents.
    store.publish(version(2));
    const late = PATHS.map(async (path) => ({ path, text: await answer(path) }));
    expect(await settle(store)).toBeGreaterThan(waiting);
    store.open();
    const [old, next] = [await Promise.all(early), await Promise.all(late)];
    const after = await reference(store);

    for (const path of PATHS) expect(after.get(path), path).not.toBe(before.get(path));
    const wrong = [
      ...old
        .filter(({ path, text }) => text !== before.get(path))
        .map(({ path }) => `${path} (started on 1)`),
      ...next
        .filter(({ path, text }) => text !== after.get(path))
        .map(({ path }) => `${path} (started on 2)`),
    ];
    expect(wrong).toEqual([]);
    for (const { path, text } of [...old, ...next]) {
      expect(new Set(text.match(/\bV[12] /g)).size, `${path} holds one version's briefs`).toBeLessThanOrEqual(
        1,
      );
    }
  });
});

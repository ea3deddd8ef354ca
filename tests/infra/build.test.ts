import { cp, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { buildAll } from "../../infra/build.js";
import { ContentError } from "../../infra/content/load.js";

async function filesOf(dir: string): Promise<Record<string, string>> {
  const names = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
  const entries = await Promise.all(
    names.map(
      async (e) =>
        [
          join(e.parentPath, e.name).slice(dir.length + 1),
          await readFile(join(e.parentPath, e.name), "utf8"),
        ] as const,
    ),
  );
  return Object.fromEntries(entries.sort(([a], [b]) => a.localeCompare(b)));
}

describe("npm run build", () => {
  let work: string;
  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), "news-brief-build-"));
  });
  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  test("writes the content store, the widget and one bundle per function, byte-identical on every run", async () => {
    await buildAll("content", join(work, "a"), {});
    await buildAll("content", join(work, "b"), {});
    const [a, b] = [await filesOf(join(work, "a")), await filesOf(join(work, "b"))];
    const store = Object.keys(a).filter((name) => name.startsWith("store/"));
    expect(store).toContain("store/manifest.json");
    expect(store.filter((name) => name.startsWith("store/briefs/"))).toEqual([
      expect.stringMatching(/^store\/briefs\/microsoft-employes-contrats-police\.[0-9a-f]{16}\.json$/),
    ]);
    // Each host's folder under hosts/ is checked by that host's own tests; here, that it is built at all.
    expect(Object.keys(a).some((name) => name.startsWith("hosts/"))).toBe(true);
    expect(Object.keys(a).filter((name) => !/^(?:store|hosts)\//.test(name))).toEqual([
      "feeds.json",
      "functions/api/index.mjs",
      "functions/feeds/index.mjs",
      "functions/site/index.mjs",
      "server.mjs",
      "widget/custom-elements.json",
      "widget/news-brief.js",
    ]);
    expect(a).toEqual(b);
  });

  test("lists every feed with its ETag for the WebSub publisher, at the public base URL", async () => {
    await buildAll("content", join(work, "c"), { PUBLIC_BASE_URL: "https://briefs.example.com" });
    const manifest = JSON.parse(await readFile(join(work, "c", "feeds.json"), "utf8"));
    expect(manifest.hub).toBeNull();
    const urls = manifest.feeds.map((feed: { url: string }) => feed.url);
    expect(urls).toContain("https://briefs.example.com/feed.xml");
    expect(urls).toContain("https://briefs.example.com/tags/ethique/feed.json");
    expect(urls).toHaveLength(4 * 3);
    for (const feed of manifest.feeds) expect(feed.etag).toMatch(/^"[0-9a-f]{16}"$/);
    expect(new Set(manifest.feeds.map((feed: { etag: string }) => feed.etag)).size).toBe(4 * 3);
  });

  test("writes the widget's Custom Elements Manifest with its public API", async () => {
    const manifest = JSON.parse(await readFile(join(work, "a", "widget", "custom-elements.json"), "utf8"));
    const element = manifest.modules
      .flatMap((m: { declarations?: object[] }) => m.declarations ?? [])
      .find((d: { tagName?: string }) => d.tagName === "news-brief");
    expect(element.attributes.map((a: { name: string }) => a.name)).toContain("src");
    expect(
      element.attributes.map((a: { name: string }) => a.name).filter((n: string) => n.startsWith("_")),
    ).toEqual([]);
    expect(element.events.map((e: { name: string }) => e.name).sort()).toEqual(["brief-error", "brief-load"]);
    expect(element.cssParts.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(["title", "lead", "points", "point", "link", "source"]),
    );
    expect(element.cssProperties.length).toBeGreaterThan(0);
  });

  test("bundles functions that load in Node and export a Lambda handler", async () => {
    for (const name of ["feeds", "api", "site"]) {
      const module = await import(join(work, "a", "functions", name, "index.mjs"));
      expect(typeof module.handler).toBe("function");
    }
  });

  test("fails on bad content before writing anything, and keeps the previous output", async () => {
    const content = join(work, "content");
    await cp("content", content, { recursive: true });
    await writeFile(join(content, "briefs", "casse.md"), "---\ntitle: x\n---\n- **A.** b\n");
    const before = await filesOf(join(work, "a"));
    const error = await buildAll(content, join(work, "a")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContentError);
    expect((error as ContentError).problems).toContain(
      `${join(content, "briefs", "casse.md")}: lead: is missing; add it`,
    );
    expect(await filesOf(join(work, "a"))).toEqual(before);
  });
});

import { describe, expect, test } from "vitest";
import { fetchApp } from "../../../functions/hosts/fetch-app.js";
import { loadCatalog } from "../../../infra/content/load.js";
import { baseBrief, generatedCatalog, HOSTILE, hostileCatalog } from "../../fixtures/catalog.js";
import { htmlText } from "../../support/html-text.js";
import { testApp, WIDGET_SCRIPT } from "../../support/test-app.js";
import { storeOf } from "../../support/test-content.js";

const page = async (catalog: Parameters<typeof testApp>[0], path: string) =>
  (await testApp(catalog).request(`https://briefs.example.com${path}`)).text();

describe("the brief page", () => {
  test("shows the title, lead, key points with bold headings, date and source of the seed brief", async () => {
    const catalog = await loadCatalog("content");
    const html = await page(catalog, "/briefs/microsoft-employes-contrats-police");
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain(
      "<h1>Plus de 250 employés de Microsoft demandent la fin des contrats avec la police</h1>",
    );
    expect(html).toContain('<time datetime="2020-06-10T09:00:00+02:00">10 juin 2020</time>');
    expect(html).toContain("<h2>En quelques mots</h2>");
    expect(html.match(/<li><strong>[^<]+<\/strong> /g)).toHaveLength(3);
    expect(html).toContain("Source : Clubic");
  });

  test("announces the site's feeds, then the feeds of its tags", async () => {
    const html = await page(generatedCatalog(1), "/briefs/brief-0001");
    const rss = html.indexOf('href="https://briefs.example.com/feed.xml"');
    const tagRss = html.indexOf(
      '<link rel="alternate" type="application/rss+xml" title="Briefs — Microsoft (RSS)" href="https://briefs.example.com/tags/microsoft/feed.xml">',
    );
    expect(rss).toBeGreaterThan(0);
    expect(tagRss).toBeGreaterThan(rss);
    expect(html).toContain('<a href="https://briefs.example.com/tags/microsoft">Microsoft</a>');
    expect(html).toContain(
      '<link rel="alternate" type="application/rss+xml" title="Briefs (RSS)" href="https://briefs.example.com/feed.xml">',
    );
    expect(html).toContain('type="application/atom+xml"');
    expect(html).toContain('type="application/feed+json"');
  });

  test("carries oEmbed discovery links, so a CMS embeds a pasted brief URL", async () => {
    const html = await page(generatedCatalog(1), "/briefs/brief-0001");
    const endpoint =
      "https://briefs.example.com/oembed?url=https%3A%2F%2Fbriefs.example.com%2Fbriefs%2Fbrief-0001";
    expect(html).toContain(
      `<link rel="alternate" type="application/json+oembed" title="Brief numéro 1" href="${endpoint}&amp;format=json">`,
    );
    expect(html).toContain(`type="text/xml+oembed"`);
  });

  test("links to the source article when there is one", async () => {
    const catalog = {
      ...generatedCatalog(0),
      briefs: [{ ...baseBrief, source: { name: "Clubic", url: "https://www.clubic.com/a.html" } }],
    };
    expect(await page(catalog, "/briefs/premier-brief")).toContain(
      '<a href="https://www.clubic.com/a.html">Lire l’article complet</a>',
    );
  });

  test("uses English words for an English brief", async () => {
    const catalog = { ...generatedCatalog(0), briefs: [{ ...baseBrief, lang: "en" }] };
    const html = await page(catalog, "/briefs/premier-brief");
    expect(html).toContain("In a few words");
    expect(html).toContain("June 10, 2020");
  });

  test("shows hostile text as text", async () => {
    const html = await page(hostileCatalog(), "/briefs/hostile");
    expect(html).not.toContain("<script>alert(1)</script>");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(HOSTILE).toContain("<script>");
  });
});

describe("the tag page", () => {
  test("lists the tag's briefs and its three feeds, announced for autodiscovery", async () => {
    const catalog = generatedCatalog(6);
    const html = await page(catalog, "/tags/ethique");
    expect(html).toContain("<h1>Éthique</h1>");
    const tagged = catalog.briefs.filter((b) => b.tags.includes("Éthique"));
    expect(html.match(/<li lang="fr"><p class="meta">/g)).toHaveLength(tagged.length);
    for (const file of ["feed.xml", "atom.xml", "feed.json"]) {
      expect(html).toContain(`<a href="https://briefs.example.com/tags/ethique/${file}"`);
      expect(html).toContain(`title="Briefs — Éthique (`);
    }
  });

  test("answers 404 for a tag no brief has", async () => {
    const response = await testApp(generatedCatalog(3)).request("https://briefs.example.com/tags/inconnu");
    expect(response.status).toBe(404);
  });
});

describe("page responses", () => {
  test("carry an ETag and answer 304 when it matches", async () => {
    const app = testApp(generatedCatalog(3));
    const first = await app.request("https://briefs.example.com/briefs/brief-0003");
    const etag = first.headers.get("etag") ?? "";
    expect(etag).toMatch(/^"[\w-]{27}"$/);
    const again = await app.request("https://briefs.example.com/briefs/brief-0003", {
      headers: { "If-None-Match": etag },
    });
    expect(again.status).toBe(304);
  });
});

describe("the front page", () => {
  test("lists the latest briefs, links the three feeds and embeds the widget with its snippet", async () => {
    const catalog = generatedCatalog(3);
    const html = await page(catalog, "/");
    expect(html.indexOf("brief-0003")).toBeLessThan(html.indexOf("brief-0002"));
    for (const feed of ["feed.xml", "atom.xml", "feed.json"])
      expect(html).toContain(`<a href="https://briefs.example.com/${feed}"`);
    expect(html).toContain(
      `<script type="module" src="https://briefs.example.com/widget/${WIDGET_SCRIPT.file}"></script>`,
    );
    expect(html).toContain(
      "&lt;script type=&quot;module&quot; src=&quot;https://briefs.example.com/widget/news-brief.js&quot;&gt;",
    );
    expect(html).toContain(
      '<news-brief src="https://briefs.example.com/api/briefs/brief-0003"><a href="https://briefs.example.com/briefs/brief-0003">',
    );
    expect(html).toContain(
      "&lt;news-brief src=&quot;https://briefs.example.com/api/briefs/brief-0003&quot;&gt;",
    );
  });

  test("gives partners a preconnect and a modulepreload hint first, on PUBLIC_BASE_URL, escaped as text", async () => {
    const build = { bundledStore: () => storeOf(generatedCatalog(3)), widgetScript: WIDGET_SCRIPT };
    const app = fetchApp(build, { PUBLIC_BASE_URL: "https://partners.example.org/briefs/" });
    const html = await (await app.fetch(new Request("http://127.0.0.1/"))).text();
    const code = /<pre><code>([\s\S]*?)<\/code><\/pre>/.exec(html)?.[1] ?? "";
    expect(code).not.toMatch(/[<>]/);
    const base = "https://partners.example.org/briefs";
    expect(htmlText(code).split("\n")).toEqual([
      '<link rel="preconnect" href="https://partners.example.org" crossorigin>',
      `<link rel="modulepreload" href="${base}/widget/news-brief.js">`,
      `<script type="module" src="${base}/widget/news-brief.js"></script>`,
      `<news-brief src="${base}/api/briefs/brief-0003"><a href="${base}/briefs/brief-0003">Lire la brève</a></news-brief>`,
    ]);
    expect(html).toContain("<p>Collez ces quatre lignes dans votre page pour y afficher une brève :</p>");
    expect(html).toContain("<p>Les deux premières, de préférence dans le &lt;head&gt;, ouvrent la connexion");
  });
});

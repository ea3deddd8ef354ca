import { createHash } from "node:crypto";
import { describe, expect, test } from "vitest";
import { baseBrief, baseSite, HOSTILE, hostileCatalog } from "../../fixtures/catalog.js";
import { oembedApp } from "./support/oembed-app.js";

const BASE = "https://briefs.example.com";
const withSource = {
  ...baseBrief,
  id: "avec-source",
  source: { name: "Clubic", url: "https://www.clubic.com/a.html" },
};
const english = { ...baseBrief, id: "in-english", lang: "en" };
const app = oembedApp({ site: baseSite, briefs: [baseBrief, withSource, english] });
const get = (path: string, init?: RequestInit, on = app) => on.request(`${BASE}${path}`, init);
const page = async (path: string, on = app) => (await get(path, undefined, on)).text();
const sha256 = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;

describe("GET /embed/{id}", () => {
  test("shows source, title, date, lead and the three key points with bold headings", async () => {
    const html = await page("/embed/premier-brief");
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain('Clubic · <time datetime="2020-06-10T09:00:00+02:00">10 juin 2020</time>');
    expect(html).toContain(
      `<h1><a href="${BASE}/briefs/premier-brief" target="_top" rel="noopener">Un titre</a></h1>`,
    );
    expect(html).toContain('<p class="lead">Une phrase d’accroche.</p>');
    expect(html.match(/<li><strong>[^<]+<\/strong> /g)).toHaveLength(3);
    expect(html).toContain("<li><strong>Deuxième point.</strong> Texte <em>deux</em>.</li>");
  });

  test("opens every link, those inside key points included, at the top with rel=noopener", async () => {
    const html = await page("/embed/premier-brief");
    const links = html.match(/<a [^>]*>/g) ?? [];
    expect(links.length).toBeGreaterThanOrEqual(4);
    for (const link of links) expect(link).toMatch(/ target="_top" rel="noopener"/);
    expect(html).toContain('<a target="_top" rel="noopener" href="https://example.com/trois">trois</a>');
  });

  test("links to the source's article when known, else to the brief page", async () => {
    expect(await page("/embed/avec-source")).toContain(
      '<a href="https://www.clubic.com/a.html" target="_top" rel="noopener">Lire l’article complet</a>',
    );
    expect(await page("/embed/premier-brief")).toContain(
      `<a href="${BASE}/briefs/premier-brief" target="_top" rel="noopener">Lire la brève</a>`,
    );
  });

  test("uses English words for an English brief", async () => {
    const html = await page("/embed/in-english");
    expect(html).toContain('<html lang="en">');
    expect(html).toContain("June 10, 2020");
    expect(html).toContain("Read the brief");
    expect(html).toContain('aria-label="In a few words"');
  });

  test("is kept out of search indexes and names the brief page as canonical", async () => {
    const html = await page("/embed/premier-brief");
    expect(html).toContain('<meta name="robots" content="noindex">');
    expect(html).toContain(`<link rel="canonical" href="${BASE}/briefs/premier-brief">`);
  });

  test("carries one inline script and one inline style, and a CSP that allows exactly them by hash", async () => {
    const response = await get("/embed/premier-brief");
    const html = await response.text();
    const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)];
    expect(scripts).toHaveLength(1);
    expect(scripts[0]?.[1]).toBe("");
    expect(styles).toHaveLength(1);
    expect(html).not.toMatch(/ style=|<link rel="stylesheet"|<img|<iframe/);
    const csp = (response.headers.get("content-security-policy") ?? "").split(/;\s*/);
    expect(csp).toEqual([
      "default-src 'none'",
      `script-src ${sha256(scripts[0]?.[2] ?? "")}`,
      `style-src ${sha256(styles[0]?.[1] ?? "")}`,
      "base-uri 'none'",
      "form-action 'none'",
      "frame-ancestors *",
    ]);
  });

  test("sets no cookie and no header that forbids framing", async () => {
    const response = await get("/embed/premier-brief");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("set-cookie")).toBeNull();
    expect(response.headers.get("x-frame-options")).toBeNull();
    expect(await response.text()).not.toMatch(/cookie|localStorage|sessionStorage|indexedDB/);
  });

  test("shows hostile text as text", async () => {
    const html = await page("/embed/hostile", oembedApp(hostileCatalog()));
    expect(html).not.toContain("<script>alert(1)</script>");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html.match(/<script>/g)).toHaveLength(1);
    expect(HOSTILE).toContain("<script>");
    expect(html).toContain('href="https://example.com/a?b=1&amp;c=&lt;2&gt;"');
  });

  test("answers 304 to a matching If-None-Match, with the CSP again", async () => {
    const etag = (await get("/embed/premier-brief")).headers.get("etag") ?? "";
    const again = await get("/embed/premier-brief", { headers: { "If-None-Match": etag } });
    expect(again.status).toBe(304);
    expect(again.headers.get("content-security-policy")).toContain("default-src 'none'");
  });

  test("answers 404 for an unknown id and 405 to POST", async () => {
    expect((await get("/embed/inconnu")).status).toBe(404);
    const post = await get("/embed/premier-brief", { method: "POST" });
    expect(post.status).toBe(405);
    expect(post.headers.get("allow")).toBe("GET, HEAD");
  });
});

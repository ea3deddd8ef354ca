import jsonld from "jsonld";
import { describe, expect, test } from "vitest";
import { HEADLINE_MAX, headline, inertJson } from "../../../functions/pages/structured-data.js";
import { generatedCatalog, HOSTILE, hostileCatalog } from "../../fixtures/catalog.js";
import { testApp } from "../../support/test-app.js";

const page = async (catalog: Parameters<typeof testApp>[0], path: string) =>
  (await testApp(catalog).request(`https://briefs.example.com${path}`)).text();

/** The JSON-LD blocks of a page; their text holds no "<", so the first "</script>" ends each. */
function jsonLdOf(html: string): unknown[] {
  return [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)].map((m) =>
    JSON.parse(m[1] ?? ""),
  );
}

// There is no network here: jsonld would fetch https://schema.org's context, so it is served a minimal one
// that maps every term into the schema.org vocabulary, as the real context does for these properties.
const SCHEMA_ORG_CONTEXT = { "@context": { "@vocab": "https://schema.org/" } };
const documentLoader = async (url: string) => {
  if (url.replace(/\/$/, "") !== "https://schema.org") throw new Error(`unexpected context ${url}`);
  return { contextUrl: undefined, documentUrl: url, document: SCHEMA_ORG_CONTEXT };
};

const S = "https://schema.org/";
type Node = Record<string, { "@value"?: unknown; "@id"?: string; [key: string]: unknown }[]>;
const value = (node: Node | undefined, property: string) => node?.[S + property]?.map((v) => v["@value"]);

async function expandOne(data: unknown): Promise<Node> {
  const expanded = (await jsonld.expand(data as jsonld.JsonLdDocument, { documentLoader })) as Node[];
  expect(expanded).toHaveLength(1);
  return expanded[0] as Node;
}

describe("the headline", () => {
  test("keeps a title of 110 characters or fewer as it is", () => {
    const title = "x".repeat(HEADLINE_MAX);
    expect(headline(title)).toBe(title);
  });

  test("cuts a longer title at a word boundary and ends it with an ellipsis", () => {
    const title = `${"Mot ".repeat(30)}fin`;
    const cut = headline(title);
    expect(Array.from(cut).length).toBeLessThanOrEqual(HEADLINE_MAX);
    expect(cut).toMatch(/^(Mot )+Mot…$/);
  });

  test("cuts a title without spaces between characters, never inside an emoji", () => {
    const cut = headline("🦊".repeat(200));
    expect(cut).toBe(`${"🦊".repeat(HEADLINE_MAX - 1)}…`);
  });
});

describe("the JSON-LD", () => {
  test("describes a brief as a NewsArticle that a JSON-LD processor expands", async () => {
    const catalog = generatedCatalog(1, { logo: "https://www.clubic.com/logo.png" });
    const [data] = jsonLdOf(await page(catalog, "/briefs/brief-0001"));
    const article = await expandOne(data);
    expect(article["@type"]).toEqual([`${S}NewsArticle`]);
    expect(value(article, "headline")).toEqual(["Brief numéro 1"]);
    expect(value(article, "description")).toEqual(["Accroche du brief 1."]);
    expect(value(article, "datePublished")).toEqual(["2021-01-01T08:30:00+01:00"]);
    expect(value(article, "dateModified")).toEqual(["2021-01-01T08:30:00+01:00"]);
    expect(value(article, "inLanguage")).toEqual(["fr"]);
    expect(value(article, "keywords")).toEqual(["Microsoft", "Éthique"]);
    expect(value(article, "isBasedOn")).toEqual(["https://www.clubic.com/article-0.html"]);
    expect(article[`${S}mainEntityOfPage`]?.[0]?.["@id"]).toBe(
      "https://briefs.example.com/briefs/brief-0001",
    );
    const author = article[`${S}author`]?.[0] as Node | undefined;
    expect(author?.["@type"]).toEqual([`${S}Person`]);
    expect(value(author, "name")).toEqual(["Alice Martin"]);
    const publisher = article[`${S}publisher`]?.[0] as Node | undefined;
    expect(publisher?.["@type"]).toEqual([`${S}Organization`]);
    expect(value(publisher, "name")).toEqual(["Clubic"]);
    expect(value(publisher, "url")).toEqual(["https://www.clubic.com/"]);
    expect(value(publisher?.[`${S}logo`]?.[0] as Node, "url")).toEqual(["https://www.clubic.com/logo.png"]);
    expect(value(article[`${S}image`]?.[0] as Node, "url")).toEqual(["https://img.example.com/0.jpg"]);
  });

  test("gives the update date as dateModified, and leaves out what a brief does not have", async () => {
    const catalog = generatedCatalog(2);
    const brief = { ...catalog.briefs[1], updated: "2021-02-01T10:00:00Z" } as (typeof catalog.briefs)[0];
    const [data] = jsonLdOf(await page({ ...catalog, briefs: [brief] }, "/briefs/brief-0001"));
    const article = await expandOne(data);
    expect(value(article, "dateModified")).toEqual(["2021-02-01T10:00:00Z"]);
    expect(article[`${S}author`]).toBeUndefined();
    expect(article[`${S}isBasedOn`]).toBeUndefined();
    expect(article[`${S}image`]).toBeUndefined();
    expect(article[`${S}publisher`]?.[0]?.[`${S}logo`]).toBeUndefined();
  });

  test("describes the front page as the WebSite", async () => {
    const blocks = jsonLdOf(await page(generatedCatalog(3), "/"));
    expect(blocks).toHaveLength(1);
    const site = await expandOne(blocks[0]);
    expect(site["@type"]).toEqual([`${S}WebSite`]);
    expect(value(site, "name")).toEqual(["Briefs"]);
    expect(value(site, "url")).toEqual(["https://briefs.example.com/"]);
    expect(value(site, "inLanguage")).toEqual(["fr"]);
    expect(value(site[`${S}publisher`]?.[0] as Node, "name")).toEqual(["Clubic"]);
  });

  test("carries hostile text intact and inert: nothing in it closes the script element", async () => {
    const html = await page(hostileCatalog(), "/briefs/hostile");
    const script = html.match(/<script type="application\/ld\+json">(.*?)<\/script>/s)?.[1] ?? "";
    expect(script).not.toMatch(/[<>&\u2028\u2029]/);
    const [data] = jsonLdOf(html) as { headline: string; author: { name: string } }[];
    expect(data?.headline.startsWith(HOSTILE)).toBe(true);
    expect(data?.author.name).toBe(HOSTILE);
    await expandOne(data);
  });

  test("escapes <, >, & and the line and paragraph separators, and parses back to the same value", () => {
    const data = { text: "</script><!-- a & b \u2028\u2029" };
    const json = inertJson(data);
    expect(json).toBe('{"text":"\\u003c/script\\u003e\\u003c!-- a \\u0026 b \\u2028\\u2029"}');
    expect(JSON.parse(json)).toEqual(data);
  });
});

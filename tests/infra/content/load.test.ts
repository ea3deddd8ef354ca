import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { ContentError, loadCatalog, parseBrief } from "../../../infra/content/load.js";

const GOOD = `---
title: Un titre
lead: Une accroche.
published: 2020-06-10T09:00:00+02:00
tags: [Microsoft]
source:
  name: Clubic
---

- **Premier point.** Le texte.
- **Deuxième point.** Le texte.
- **Troisième point.** Le texte.
`;

/** The problems parseBrief reports for `source`, or [] when it parses. */
function problems(source: string, name = "un-brief.md"): string[] {
  const result = parseBrief(name, source, "fr");
  return result.ok ? [] : result.problems;
}

/** GOOD with one front-matter line replaced (or removed when `line` is ""). */
function withField(field: string, line: string): string {
  const replaced = GOOD.replace(new RegExp(`^${field}:.*$`, "m"), line);
  if (replaced === GOOD) throw new Error(`GOOD has no ${field} line`);
  return replaced.replace(/\n\n+---/, "\n---");
}

describe("the real content", () => {
  test("loads the seed brief with its three key points, in French, from Clubic", async () => {
    const catalog = await loadCatalog("content");
    expect(catalog.site.lang).toBe("fr");
    const [brief] = catalog.briefs;
    expect(brief?.id).toBe("microsoft-employes-contrats-police");
    expect(brief?.published).toBe("2020-06-10T09:00:00+02:00");
    expect(brief?.source).toEqual({ name: "Clubic", url: null });
    expect(brief?.lang).toBe("fr");
    expect(brief?.points).toHaveLength(3);
    for (const point of brief?.points ?? []) {
      expect(point.heading).toMatch(/^\p{Lu}.+\.$/u);
      expect(point.text.length).toBeGreaterThan(100);
    }
  });
});

describe("a brief file", () => {
  test("parses front matter and key points with inline markup", () => {
    const result = parseBrief(
      "un-brief.md",
      GOOD.replace(
        "- **Premier point.** Le texte.",
        "- **Premier point.** Le *texte* avec `code` et [un lien](https://example.com/?a=1&b=2).",
      ),
      "fr",
    );
    expect(result.ok && result.brief.points[0]).toEqual({
      heading: "Premier point.",
      text: "Le texte avec code et un lien.",
      html: 'Le <em>texte</em> avec <code>code</code> et <a href="https://example.com/?a=1&amp;b=2">un lien</a>.',
    });
    expect(result.ok && result.brief).toMatchObject({
      id: "un-brief",
      tags: ["Microsoft"],
      updated: null,
      author: null,
      lang: "fr",
    });
  });

  test("keeps a point without a bold heading, with a null heading", () => {
    const result = parseBrief(
      "un-brief.md",
      GOOD.replace("- **Premier point.** Le texte.", "- Juste du texte."),
      "fr",
    );
    expect(result.ok && result.brief.points[0]).toEqual({
      heading: null,
      text: "Juste du texte.",
      html: "Juste du texte.",
    });
  });

  test("escapes markup written as text in a point", () => {
    const result = parseBrief(
      "un-brief.md",
      GOOD.replace("Le texte.\n- **Deux", "AT&T \\<vs> 3 > 2.\n- **Deux"),
      "fr",
    );
    expect(result.ok && result.brief.points[0]?.html).toBe("AT&amp;T &lt;vs&gt; 3 &gt; 2.");
  });

  test.each([
    ["title", withField("title", ""), "title: is missing; add it"],
    ["lead", withField("lead", "lead: ''"), "lead: is empty; write it"],
    [
      "published",
      withField("published", "published: 10/06/2020"),
      "published: must be an ISO 8601 date-time with its offset",
    ],
    [
      "published without offset",
      withField("published", "published: 2020-06-10T09:00:00"),
      "published: must be an ISO 8601",
    ],
    [
      "updated",
      withField("published", "published: 2020-06-10T09:00:00+02:00\nupdated: 2020-06-09T09:00:00+02:00"),
      "updated: is earlier than published",
    ],
    ["tags", withField("tags", "tags: Microsoft"), "tags: must be a list"],
    ["duplicate tags", withField("tags", "tags: [Cloud, cloud]"), "tags: lists the same tag twice"],
    [
      "source",
      withField("source", "source: Clubic").replace("  name: Clubic\n", ""),
      "source: must have a name",
    ],
    [
      "source.url",
      GOOD.replace("  name: Clubic", "  name: Clubic\n  url: clubic.com/article"),
      "source.url: must be an absolute http(s) URL",
    ],
    ["lang", withField("tags", "tags: []\nlang: French"), "lang: must be a language tag"],
    ["an unknown language", withField("tags", "tags: []\nlang: zz"), "lang: is not an ISO 639 language"],
    [
      "a date before 1990",
      withField("published", "published: 1899-06-10T09:00:00+02:00"),
      "published: is before 1990",
    ],
    [
      "image.alt",
      withField("tags", "tags: []\nimage:\n  url: https://img.example.com/a.jpg"),
      "image.alt: is missing; add it",
    ],
    [
      "image.url",
      withField("tags", "tags: []\nimage:\n  url: https://img.example.com/photo\n  alt: Une photo"),
      "image.url: must end in .jpg, .jpeg, .png, .gif, .webp, .avif, .svg",
    ],
    ["unknown field", withField("tags", "tags: []\ncategory: tech"), "category: is not a field of a brief"],
    [
      "control character",
      withField("lead", 'lead: "Une\\u0007 accroche"'),
      "lead: contains a control character",
    ],
  ])("names the field when %s is wrong", (_, source, message) => {
    expect(problems(source).join("\n")).toContain(message);
  });

  test.each([
    ["no front matter", "- **Un.** Texte.", "front matter: is missing"],
    ["broken YAML", GOOD.replace("tags: [Microsoft]", "tags: [Microsoft"), "front matter (line"],
    [
      "duplicate key",
      GOOD.replace("tags: [Microsoft]", "tags: [Microsoft]\ntitle: Encore"),
      "front matter (line",
    ],
    [
      "a paragraph instead of a list",
      GOOD.replace(/- \*\*Premier[\s\S]*$/, "Un paragraphe.\n"),
      "body (line 10): must be a bullet list",
    ],
    ["a numbered list", GOOD.replaceAll("- **", "1. **"), "must be a bullet list"],
    [
      "a paragraph after the list",
      `${GOOD}\nUn paragraphe de trop.\n`,
      "body (line 14): only the bullet list of key points may stand in the body; a paragraph found",
    ],
    [
      "an image in a point",
      GOOD.replace("Le texte.\n- **Deux", "![x](https://img.example.com/x.png)\n- **Deux"),
      "an image is not allowed in a key point",
    ],
    [
      "raw HTML in a point",
      GOOD.replace("Le texte.\n- **Deux", "<b>gras</b>\n- **Deux"),
      "raw HTML is not allowed in a key point",
    ],
    [
      "a relative link",
      GOOD.replace("Le texte.\n- **Deux", "[ici](/article)\n- **Deux"),
      'link "/article" must be an absolute http(s) URL',
    ],
    [
      "a javascript: link",
      GOOD.replace("Le texte.\n- **Deux", "[ici](javascript:alert(1))\n- **Deux"),
      "must be an absolute http(s) URL",
    ],
    [
      "a heading with no text",
      GOOD.replace("- **Premier point.** Le texte.", "- **Premier point.**"),
      "has a heading but no text",
    ],
    [
      "seven points",
      GOOD.replace(/(- \*\*Trois.*\n)/, "$1$1$1$1$1"),
      "has 7 key points; write between 1 and 6",
    ],
  ])("reports %s in the body", (_, source, message) => {
    expect(problems(source).join("\n")).toContain(message);
  });

  const SLUG = "file name: must be a lowercase slug (a-z, 0-9 and hyphens) ending in .md; rename it";
  test.each([
    ["Majuscule.md", `${SLUG} majuscule.md`],
    ["with space.md", `${SLUG} with-space.md`],
    ["-tiret.md", `${SLUG} tiret.md`],
    ["Brève_Été.MD", `${SLUG} breve-ete.md`],
    ["🦊.md", `${SLUG} like microsoft-employes-police.md`],
    [
      "brief.txt",
      "file name: is not a brief, whose names end in .md; rename it brief.md, or move it out of briefs/",
    ],
  ])("rejects the file name %s, suggesting a name", (name, message) => {
    expect(problems(GOOD, name)).toEqual([message]);
  });

  test("reports a bad file name with every other problem of the file", () => {
    const bad = withField("published", "published: hier")
      .replace("title: Un titre", "title: ''")
      .replace("  name: Clubic", "  name: Clubic\n  url: javascript:alert(1)")
      .replace("- **Premier point.** Le texte.", "- ![x](https://a.example/x.png)");
    expect(problems(bad, "Mon_Brief.md").map((p) => p.split(":")[0])).toEqual([
      "file name",
      "title",
      "published",
      "source.url",
      "body (line 11)",
    ]);
  });

  test("reports every problem of a file at once", () => {
    const bad = withField("published", "published: hier")
      .replace("title: Un titre", "title: ''")
      .replace("- **Premier point.** Le texte.", "- ![x](https://a.example/x.png)");
    const found = problems(bad);
    expect(found).toHaveLength(3);
    expect(found.map((p) => p.split(":")[0])).toEqual(["title", "published", "body (line 10)"]);
  });
});

describe("the content folder", () => {
  const dirs: string[] = [];
  afterEach(async () => {
    await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
  });

  async function contentCopy(): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), "news-brief-content-"));
    dirs.push(dir);
    await cp("content", dir, { recursive: true });
    return dir;
  }

  test("fails naming each bad file and field, all at once", async () => {
    const dir = await contentCopy();
    await writeFile(join(dir, "briefs", "sans-titre.md"), withField("title", ""));
    await writeFile(join(dir, "briefs", "Mauvais-Nom.md"), GOOD);
    await writeFile(join(dir, "site.yml"), "title: Site\n");
    const error = await loadCatalog(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContentError);
    const found = (error as ContentError).problems;
    expect(found).toContain(`${join(dir, "briefs", "sans-titre.md")}: title: is missing; add it`);
    expect(found).toContain(
      `${join(dir, "briefs", "Mauvais-Nom.md")}: file name: must be a lowercase slug (a-z, 0-9 and hyphens) ending in .md; rename it mauvais-nom.md`,
    );
    expect(found).toContain(`${join(dir, "site.yml")}: baseUrl: is missing; add it`);
    expect((error as Error).message).toMatch(/^content has \d+ problems:/);
  });

  test("refuses a brief dated after the build", async () => {
    const dir = await contentCopy();
    await writeFile(
      join(dir, "briefs", "demain.md"),
      GOOD.replace("2020-06-10T09:00:00+02:00", "2020-06-11T09:00:00+02:00"),
    );
    const error = (await loadCatalog(dir, { now: Date.parse("2020-06-10T12:00:00Z") }).catch(
      (e: unknown) => e,
    )) as ContentError;
    expect(error.problems).toEqual([
      `${join(dir, "briefs", "demain.md")}: published: is in the future (2020-06-11T09:00:00+02:00); date the brief when it goes out`,
    ]);
  });

  test("refuses two briefs last changed at the same instant", async () => {
    const dir = await contentCopy();
    await writeFile(
      join(dir, "briefs", "jumeau.md"),
      GOOD.replace("2020-06-10T09:00:00+02:00", "2020-06-10T07:00:00Z"),
    );
    const error = (await loadCatalog(dir).catch((e: unknown) => e)) as ContentError;
    expect(error.problems).toEqual([
      `${join(dir, "briefs", "microsoft-employes-contrats-police.md")}: published: is the same instant as in ${join(dir, "briefs", "jumeau.md")}; feeds need distinct times, so move one by a minute`,
    ]);
  });

  test("refuses one tag written two ways, which would share a feed address", async () => {
    const dir = await contentCopy();
    await writeFile(
      join(dir, "briefs", "autre.md"),
      GOOD.replace("tags: [Microsoft]", "tags: [microsoft]").replace(
        "2020-06-10T09:00:00+02:00",
        "2020-06-09T09:00:00+02:00",
      ),
    );
    const error = (await loadCatalog(dir).catch((e: unknown) => e)) as ContentError;
    expect(error.problems).toEqual([
      `${join(dir, "briefs", "microsoft-employes-contrats-police.md")}: tags: "Microsoft" and "microsoft" (in ${join(dir, "briefs", "autre.md")}) would share the feed /tags/microsoft/; write them the same way or rename one`,
    ]);
  });

  test("percent-encodes the characters feed validators refuse in URLs", () => {
    const result = parseBrief(
      "un-brief.md",
      GOOD.replace("  name: Clubic", "  name: Clubic\n  url: https://www.clubic.com/a|b^c[d].html"),
      "fr",
    );
    expect(result.ok && result.brief.source.url).toBe("https://www.clubic.com/a%7Cb%5Ec%5Bd%5D.html");
  });

  test("sorts briefs newest first whatever their file names", async () => {
    const dir = await contentCopy();
    await writeFile(
      join(dir, "briefs", "aaa-plus-recent.md"),
      GOOD.replace("2020-06-10T09:00:00+02:00", "2021-01-01T00:00:00Z"),
    );
    await writeFile(
      join(dir, "briefs", "zzz-plus-ancien.md"),
      GOOD.replace("2020-06-10T09:00:00+02:00", "2019-01-01T00:00:00Z"),
    );
    const catalog = await loadCatalog(dir);
    expect(catalog.briefs.map((b) => b.id)).toEqual([
      "aaa-plus-recent",
      "microsoft-employes-contrats-police",
      "zzz-plus-ancien",
    ]);
  });

  test("names site.yml fields that are wrong", async () => {
    const dir = await contentCopy();
    await writeFile(
      join(dir, "site.yml"),
      "title: S\ndescription: D\nbaseUrl: localhost\nlang: fr\npublisher: {name: P, url: https://p.example}\nidAuthority: p.example\nfeedSize: 0\n",
    );
    const error = (await loadCatalog(dir).catch((e: unknown) => e)) as ContentError;
    const site = join(dir, "site.yml");
    expect(error.problems).toEqual([
      `${site}: baseUrl: must be an absolute http(s) URL, like https://example.com/page`,
      `${site}: idAuthority: must be a domain the publisher owns and a date it owned it, like clubic.com,2020 (RFC 4151)`,
      `${site}: feedSize: must be at least 1`,
    ]);
  });
  test("carries the optional logo and twitter handle of site.yml", async () => {
    const dir = await contentCopy();
    const yml = await readFile(join(dir, "site.yml"), "utf8");
    await writeFile(
      join(dir, "site.yml"),
      `${yml}logo: https://www.clubic.com/logo.png\ntwitter: "@clubic"\n`,
    );
    const { site } = await loadCatalog(dir);
    expect(site.logo).toBe("https://www.clubic.com/logo.png");
    expect(site.twitter).toBe("@clubic");
    expect((await loadCatalog("content")).site.logo).toBeUndefined();
  });

  test("names a logo that is not https and a twitter handle that is not one", async () => {
    const dir = await contentCopy();
    const yml = await readFile(join(dir, "site.yml"), "utf8");
    await writeFile(
      join(dir, "site.yml"),
      `${yml}logo: http://www.clubic.com/logo.png\ntwitter: clubic_with_a_far_too_long_name\n`,
    );
    const error = (await loadCatalog(dir).catch((e: unknown) => e)) as ContentError;
    const site = join(dir, "site.yml");
    expect(error.problems).toEqual([
      `${site}: logo: must be an https URL, so share cards can show it`,
      `${site}: twitter: must be an X (Twitter) handle: @ and 1 to 15 letters, digits or _, like @clubic`,
    ]);
  });
});

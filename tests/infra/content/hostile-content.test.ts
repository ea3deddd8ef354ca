// The hostile content catalogue through the real loader: each refused kind fails with every `file: field: message`
// in one run; the published kinds load, their text exactly as written.
import { join } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import type { Catalog } from "../../../infra/content/catalog.js";
import { ContentError, loadCatalog } from "../../../infra/content/load.js";
import { temporaryContent } from "../../fixtures/hostile-content/content-folder.js";
import { BUILD_TIME, publishedCatalog } from "../../fixtures/hostile-content/published-content.js";
import { PUBLISHED_KINDS, shownFields, WORD } from "../../fixtures/hostile-content/published-kinds.js";
import { REFUSED_KINDS } from "../../fixtures/hostile-content/refused-kinds.js";

describe("refused content", () => {
  test("the catalogue holds at least 20 kinds in all", () => {
    expect(REFUSED_KINDS.length + PUBLISHED_KINDS.length).toBeGreaterThanOrEqual(20);
    expect(new Set(REFUSED_KINDS.map((kind) => kind.kind)).size).toBe(REFUSED_KINDS.length);
  });

  test.each(REFUSED_KINDS.map((kind) => [kind.kind, kind] as const))(
    "refuses %s, naming each file and field in one run",
    async (_, kind) => {
      const content = await temporaryContent(kind.entries);
      try {
        const error = await loadCatalog(content.dir, { now: BUILD_TIME }).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(ContentError);
        const left = [...(error as ContentError).problems];
        for (const [file, field, message] of kind.problems) {
          const prefix = `${join(content.dir, file)}: ${field}: `;
          const index = left.findIndex((problem) => problem.startsWith(prefix) && problem.includes(message));
          expect(index, `"${prefix}…${message}…" among\n${left.join("\n")}`).toBeGreaterThanOrEqual(0);
          left.splice(index, 1);
        }
        expect(left).toEqual([]);
      } finally {
        await content.remove();
      }
    },
  );

  test("never quotes a file reached through a link out of content/", async () => {
    const kind = REFUSED_KINDS.find((each) => each.kind === "a link to /etc/passwd");
    const content = await temporaryContent(kind?.entries ?? []);
    try {
      const error = (await loadCatalog(content.dir).catch((e: unknown) => e)) as ContentError;
      expect(error.message).toContain("passwd.md: file: leads outside");
      expect(error.message).not.toMatch(/root:|front matter|body/);
    } finally {
      await content.remove();
    }
  });
});

describe("published content", () => {
  let catalog: Catalog;
  beforeAll(async () => {
    catalog = await publishedCatalog();
  });
  const briefOf = (id: string) => {
    const brief = catalog.briefs.find((each) => each.id === id);
    if (!brief) throw new Error(`no brief ${id}`);
    return brief;
  };

  test("loads one brief per kind", () => {
    expect(catalog.briefs.map((brief) => brief.id).sort()).toEqual(
      PUBLISHED_KINDS.map((kind) => kind.id).sort(),
    );
  });

  test.each(PUBLISHED_KINDS.map((kind) => [kind.kind, kind] as const))(
    "publishes %s with its text as written",
    (_, kind) => {
      const brief = briefOf(kind.id);
      const shown = shownFields(kind);
      expect({
        title: brief.title,
        lead: brief.lead,
        source: brief.source.name,
        sourceUrl: brief.source.url,
        author: brief.author,
        alt: brief.image?.alt ?? null,
        tags: brief.tags,
      }).toEqual(shown);
      expect(brief.points.map(({ heading, text }) => ({ heading, text }))).toEqual(kind.keyPoints);
    },
  );

  test("keeps Word's typography byte for byte: U+00A0, U+202F, U+00AD, quotes, dashes and ellipsis", () => {
    const brief = briefOf("collage-word");
    const bytes = (text: string) => Buffer.from(text, "utf8").toString("hex");
    expect(bytes(brief.title)).toBe(bytes(WORD.title));
    expect(bytes(brief.lead)).toBe(bytes(WORD.lead));
    expect(bytes(brief.points[0]?.text ?? "")).toBe(bytes(WORD.text));
    expect(brief.points[0]?.html).toBe(WORD.text);
    const all = [brief.title, brief.lead, brief.points[0]?.heading, brief.points[0]?.text].join("");
    for (const character of ["\u00a0", "\u202f", "\u00ad", "“", "’", "«", "–", "—", "…"])
      expect(all).toContain(character);
  });

  test("drops the byte order mark and the carriage returns, and nothing else", () => {
    expect(briefOf("marque-d-ordre").title).toBe("Avec une marque d’ordre");
    expect(briefOf("fins-de-ligne-windows").points.map((point) => point.html)).toEqual([
      "Un texte.",
      "Un autre.",
    ]);
  });

  test("escapes markup in a point's HTML and normalizes its link", () => {
    expect(briefOf("script-dans-un-point").points[1]?.html).toBe(
      "La balise <code>&lt;script&gt;</code> et &lt;img src=x onerror=&quot;window.__pwned=&#39;point&#39;&quot;&gt; restent du texte.",
    );
    expect(briefOf("liens-a-caracteres-speciaux").points[0]?.html).toBe(
      'Voir <a href="https://example.com/?q=%22%3E%3Cscript%3Ewindow.__pwned=1%3C/script%3E">un lien</a> ici.',
    );
  });
});

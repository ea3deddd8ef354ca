// `npm run generate -- 100000`: writes a deterministic catalogue of N briefs, for scale tests and benchmarks.
import { mkdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";

/** Tags the generated briefs draw from: three each, spread so that tag sets have very different sizes. */
const TAGS = [
  "Microsoft",
  "Apple",
  "Google",
  "Cloud",
  "Sécurité",
  "IA",
  "Police",
  "Éthique",
  "Mobile",
  "Jeux vidéo",
  "Espace",
  "Énergie",
];

/** Writes `count` briefs and a site.yml into `dir` (emptied first). The same count gives the same files. */
export async function generateContent(dir: string, count: number): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(join(dir, "briefs"), { recursive: true });
  await writeFile(
    join(dir, "site.yml"),
    `title: Clubic — En quelques mots
description: Brèves générées pour mesurer news-brief à grande échelle.
baseUrl: http://localhost:3000
lang: fr
publisher:
  name: Clubic
  url: https://www.clubic.com/
idAuthority: clubic.com,2020
feedSize: 20
`,
  );
  // One brief every 25 minutes back from 2026-01-01: 100,000 briefs reach back about five years.
  const start = Date.UTC(2026, 0, 1);
  const files: Promise<void>[] = [];
  for (let n = 1; n <= count; n++) {
    const published = new Date(start - (count - n) * 25 * 60_000).toISOString().replace(".000Z", "Z");
    files.push(writeFile(join(dir, "briefs", `brief-${String(n).padStart(6, "0")}.md`), brief(n, published)));
    if (files.length >= 256) await Promise.all(files.splice(0));
  }
  await Promise.all(files);
}

function brief(n: number, published: string): string {
  const tags = [TAGS[n % 12], TAGS[(n * 7 + 3) % 12], TAGS[(n * 5 + 1) % 11]].filter(
    (tag, i, all) => all.indexOf(tag) === i,
  );
  const point = (k: number) =>
    `- **Point ${k} du brief ${n}.** Un paragraphe d’environ deux cents caractères qui résume un fait du sujet, avec un [lien](https://www.clubic.com/article-${n}-${k}.html) et du *texte en emphase*, comme dans l’encadré « En quelques mots ».`;
  return `---
title: Brève numéro ${n} sur ${tags[0]}
lead: Le chapeau de la brève ${n}, une phrase qui dit l’essentiel de l’information en moins de deux lignes.
published: ${published}
tags: [${tags.join(", ")}]
source:
  name: Clubic
  url: https://www.clubic.com/article-${n}.html
---

${[1, 2, 3].map(point).join("\n")}
`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { out: { type: "string" } } });
  const count = Number(positionals[0]);
  if (!Number.isInteger(count) || count < 1 || count > 1_000_000) {
    console.error("usage: npm run generate -- <count, 1 to 1000000> [--out folder]");
    process.exitCode = 2;
  } else {
    const out = values.out ?? `.news-brief/generated-${count}`;
    await generateContent(out, count);
    console.log(`wrote ${count} briefs to ${out}/ (build them with: npm run build -- --content ${out})`);
  }
}

// Fixture briefs shaped like GET /api/briefs/{id}; tests spread them into variants and never mutate them.
import { loadCatalog } from "../../../infra/content/load.js";
import { testApp } from "../../support/test-app.js";

/** The id of the one brief in content/briefs/. */
export const SEED_ID = "microsoft-employes-contrats-police";

/** A brief's JSON, loosely typed so tests can spread variants of it. */
export type BriefFixture = Record<string, unknown> & {
  url: string;
  title: string;
  points: { heading: string | null; text: string; html: string }[];
};

/** A valid French brief with three short headed key points and a link to its source; not the seed. */
export const baseBrief = {
  id: "microsoft-employes-contrats-police",
  url: "https://news.example/briefs/microsoft-employes-contrats-police",
  title: "Des employés de Microsoft demandent l'arrêt des contrats avec la police",
  lead: "Plus de 250 employés signent une lettre ouverte à Satya Nadella.",
  published: "2020-06-10T09:00:00+02:00",
  updated: null,
  lang: "fr",
  tags: ["Microsoft", "Police"],
  source: { name: "Clubic", url: "https://www.clubic.com/microsoft/actualite-1.html" },
  image: null,
  points: [
    {
      heading: "Ça gronde chez Microsoft.",
      text: "Plus de 250 employés demandent la fin des contrats.",
      html: "Plus de 250 <em>employés</em> demandent la fin des contrats.",
    },
    {
      heading: "Une lettre ouverte.",
      text: "Elle est adressée au PDG.",
      html: "Elle est adressée au PDG.",
    },
    {
      heading: "Pas de réponse.",
      text: "La direction n'a pas commenté.",
      html: "La direction n'a pas commenté.",
    },
  ],
} as const;

/**
 * The seed brief of content/briefs/ as GET /api/briefs/{id} serves it: the real build of the real content,
 * with its three long key points (about 400 characters each).
 */
export async function seedBrief(): Promise<BriefFixture> {
  const app = testApp(await loadCatalog("content"));
  const response = await app.request(`https://news.example/api/briefs/${SEED_ID}`);
  if (!response.ok) throw new Error(`the seed brief ${SEED_ID} answered ${response.status}`);
  return response.json();
}

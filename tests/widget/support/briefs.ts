// Fixture briefs shaped like GET /api/briefs/{id}; tests spread them into variants and never mutate them.

/** A valid French brief with three headed key points and a link to its source. */
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

// The text of a content folder's site.yml, for tests that write content files: one base, a few fields changed.

/** A valid site.yml on https://briefs.example.com, with `fields` (title, description, feedSize) in place of the defaults. */
export function siteYml(fields: { title?: string; description?: string; feedSize?: number } = {}): string {
  const { title = "Briefs de test", description = "Des briefs pour les tests.", feedSize = 20 } = fields;
  return `title: ${title}
description: ${description}
baseUrl: https://briefs.example.com
lang: fr
publisher:
  name: Clubic
  url: https://www.clubic.com/
idAuthority: clubic.com,2020
feedSize: ${feedSize}
`;
}

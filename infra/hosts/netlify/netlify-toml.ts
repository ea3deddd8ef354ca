// dist/hosts/netlify/netlify.toml: where the prebuilt function is, and the store files it reads.

/**
 * The site's config. The bundle is already built, so Netlify ships it as it is (`node_bundler = "none"`);
 * the store folder goes along when it is too large to travel inside the bundle.
 */
export function netlifyToml(storeInBundle: boolean): string {
  return `# Written by npm run build; deploy this folder with: netlify deploy --prod
[build]
  publish = "public"

[functions]
  directory = "netlify/functions"
  node_bundler = "none"
${storeInBundle ? "" : '  included_files = ["store/**"]\n'}`;
}

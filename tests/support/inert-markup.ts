// What the app makes of the hostile content catalogue must be inert and intact: checks shared by its tests.
import { expect } from "vitest";
import { PWN, WORD } from "../fixtures/hostile-content/published-kinds.js";

const ATTRIBUTE = String.raw`\s+([^\s=>"'/]+)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?`;
const START_TAG = new RegExp(String.raw`<([a-zA-Z][^\s/>]*)((?:${ATTRIBUTE})*)\s*/?>`, "g");

/**
 * Each start tag in `html` with its attribute names, like "a href". Text and attribute values are escaped
 * (`&lt;`, `&quot;`), so every `<` and a letter opens an element, as an HTML parser would see it.
 */
export function elements(html: string): string[] {
  return [...html.matchAll(START_TAG)].map(([, name, attributes = ""]) =>
    [
      name?.toLowerCase(),
      ...[...attributes.matchAll(new RegExp(ATTRIBUTE, "g"))].map(([, attribute]) => attribute),
    ].join(" "),
  );
}

/** The elements a brief's HTML (feed content, API `html`) may hold. */
export const CONTENT_ELEMENTS = ["ul", "li", "strong", "em", "code", "a href", "p"];

/** The payloads that would make an element if they were not escaped. */
export const MARKUP_PAYLOADS = Object.values(PWN).filter((payload) => payload.includes("<"));

/** Asserts `html` holds only `allowed` elements, no payload as markup, and only http(s) links. */
export function expectInert(html: string, allowed = CONTENT_ELEMENTS, where = "") {
  expect(html.replace(/<[^>]*>/g, ""), where).not.toMatch(/[<>]/);
  for (const element of elements(html)) expect(allowed, `${where}: <${element}>`).toContain(element);
  for (const payload of MARKUP_PAYLOADS) expect(html, where).not.toContain(payload);
  for (const [, href] of html.matchAll(/href="([^"]*)"/g)) expect(href, where).toMatch(/^https?:\/\//);
}

/** Asserts the raw text of a format holds Word's typography byte for byte. */
export function expectWordIntact(text: string, fields: (keyof typeof WORD)[] = ["title", "lead"]) {
  for (const field of fields) expect(text).toContain(WORD[field]);
}

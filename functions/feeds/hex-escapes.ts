// Character references in the form the W3C Feed Validator reads as deliberate: "&#x26;" and "&#x3C;".

/**
 * The validator guesses that text holding "&name" or "<tag" is undeclared HTML (ContainsHTML,
 * CharacterData warnings) unless the element's line carries "&#x" (rubys/feedvalidator, validators.py
 * nonhtml; the RSS Best Practices Profile's advice). Hex references say the same characters to every parser.
 */
export function escapeXmlText(text: string): string {
  return text.replaceAll("&", "&#x26;").replaceAll("<", "&#x3C;").replaceAll(">", "&gt;");
}

const CDATA = /(<!\[CDATA\[[\s\S]*?\]\]>)/;

/** Rewrites the `&amp;` and `&lt;` that `feed` writes outside CDATA sections as hex references. */
export function hexEscapeMarkup(xml: string): string {
  return xml
    .split(CDATA)
    .map((part) =>
      part.startsWith("<![CDATA[") ? part : part.replaceAll("&amp;", "&#x26;").replaceAll("&lt;", "&#x3C;"),
    )
    .join("");
}

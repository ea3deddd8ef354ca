// The characters XML 1.0 cannot carry: the content schema rejects them, the feed writers strip them.

/**
 * C0 controls other than tab, LF and CR (XML 1.0 §2.2 Char), U+FFFE/U+FFFF, lone surrogates, and the
 * noncharacters U+FDD0–U+FDEF, which the feed writers reserve as placeholders.
 */
const NOT_XML_SOURCE = String.raw`[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufdd0-\ufdef\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]`;
const NOT_XML = new RegExp(NOT_XML_SOURCE);
const NOT_XML_ALL = new RegExp(NOT_XML_SOURCE, "g");

/** Whether `value` holds a character XML 1.0 forbids. */
export function hasNonXmlCharacter(value: string): boolean {
  return NOT_XML.test(value);
}

/** `value` with every character XML 1.0 forbids removed. */
export function cleanText(value: string): string {
  return value.replace(NOT_XML_ALL, "");
}

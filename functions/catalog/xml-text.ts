// The characters feeds cannot carry: the content schema rejects them, the feed writers strip them.

/**
 * XML 1.0 forbids C0 controls other than tab, LF and CR (§2.2 Char), U+FFFE/U+FFFF and lone surrogates.
 * Feed validators also flag C1 controls (U+007F–U+009F), U+FFFD (a decoding error) and every noncharacter,
 * among which U+FDD0–U+FDEF, which the feed writers reserve as placeholders.
 */
const NOT_FEED_TEXT_SOURCE = String.raw`[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffd\p{Noncharacter_Code_Point}\p{Cs}]`;
const NOT_FEED_TEXT = new RegExp(NOT_FEED_TEXT_SOURCE, "u");
const NOT_FEED_TEXT_ALL = new RegExp(NOT_FEED_TEXT_SOURCE, "gu");

/** Whether `value` holds a character feeds cannot carry. */
export function hasNonXmlCharacter(value: string): boolean {
  return NOT_FEED_TEXT.test(value);
}

/** `value` with every character feeds cannot carry removed. */
export function cleanText(value: string): string {
  return value.replace(NOT_FEED_TEXT_ALL, "");
}

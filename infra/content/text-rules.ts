// The characters a brief's text may not hold, shared by the front matter's fields and the key points.
import { hasNonXmlCharacter } from "../../functions/catalog/xml-text.js";

/**
 * The explicit direction embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069). Invisible, they
 * reorder the text after them wherever a reader joins fields (a feed list, a share card): the Trojan Source
 * trick (CVE-2021-42574). Right-to-left words are ordered by the browser without them; the marks U+200E,
 * U+200F and U+061C, which cannot reorder anything, stay allowed.
 */
const DIRECTION_CONTROL = /[\u202a-\u202e\u2066-\u2069]/u;

/** A letter, digit, punctuation or symbol (emoji included): what makes text visible. */
const VISIBLE = /[\p{L}\p{N}\p{P}\p{S}]/u;

export const CONTROL_MESSAGE = "contains a control character or a noncharacter; delete it";
export const DIRECTION_MESSAGE =
  "contains an invisible direction control (U+202A–U+202E or U+2066–U+2069), which can reorder the text around it; delete it";
export const INVISIBLE_MESSAGE = "has only invisible characters; write it";

/** What is wrong with the characters of `value`, or undefined when they may be published. */
export function characterProblem(value: string): string | undefined {
  if (hasNonXmlCharacter(value)) return CONTROL_MESSAGE;
  if (DIRECTION_CONTROL.test(value)) return DIRECTION_MESSAGE;
  if (value !== "" && !VISIBLE.test(value)) return INVISIBLE_MESSAGE;
  return undefined;
}

/** Whether `value` holds a direction control (see DIRECTION_CONTROL). */
export function hasDirectionControl(value: string): boolean {
  return DIRECTION_CONTROL.test(value);
}

/** Whether `value` holds a visible character. */
export function hasVisibleCharacter(value: string): boolean {
  return VISIBLE.test(value);
}

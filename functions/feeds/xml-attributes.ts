// The `feed` package writes attribute values unescaped (a "<", '"' or "&" there makes the XML
// ill-formed); these two functions route such characters around it through reserved noncharacters.

const PROTECT: Record<string, string> = { "<": "\ufdd0", ">": "\ufdd1", '"': "\ufdd2", "&": "\ufdd3" };
const RESTORE: Record<string, string> = {
  "\ufdd0": "&lt;",
  "\ufdd1": "&gt;",
  "\ufdd2": "&quot;",
  "\ufdd3": "&amp;",
};

/** Replaces the characters `feed` could leave raw in an attribute by placeholders (input must be cleanText'ed). */
export function protectAttribute(value: string): string {
  return value.replace(/[<>"&]/g, (c) => PROTECT[c] ?? c);
}

/** Turns the placeholders in `feed`'s output back into entities. */
export function restoreAttributes(xml: string): string {
  return xml.replace(/[\ufdd0-\ufdd3]/g, (c) => RESTORE[c] ?? c);
}

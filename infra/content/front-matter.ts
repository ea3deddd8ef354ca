// Splits a brief file into its YAML front matter and Markdown body, and reads the YAML.
import { isAlias, isScalar, LineCounter, parseDocument, visit } from "yaml";

/** A brief file, split: the parsed front matter, the body, and the body's first line number. */
export type SplitFile =
  | { ok: true; data: unknown; body: string; bodyLine: number }
  | { ok: false; problems: string[] };

const FENCE = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/** Splits `---\nYAML\n---\nbody`. Problems are phrased `front matter: …`. */
export function splitFrontMatter(source: string): SplitFile {
  const text = source.replace(/^\uFEFF/, "");
  const match = FENCE.exec(text);
  if (!match) {
    return {
      ok: false,
      problems: ['front matter: is missing; start the file with a line "---", the YAML fields, then "---"'],
    };
  }
  const yaml = readYaml(match[1] ?? "", 1);
  if (!yaml.ok) return yaml;
  return { ok: true, data: yaml.data, body: text.slice(match[0].length), bodyLine: lineCount(match[0]) + 1 };
}

/**
 * At most this many aliases (`*name`) are expanded: a brief needs none, and an alias bomb ("billion laughs":
 * nine aliases of nine aliases of…) is refused after this many rather than filling memory.
 */
const MAX_ALIASES = 50;

/**
 * Reads a YAML document; problems come back with their line (offset by `firstLine - 1`). Plain values only:
 * a tag (`!!js/function`, `!foo`) is refused, never resolved, as is a key that is not text, a merge key
 * (`<<`) and an alias bomb.
 */
export function readYaml(
  source: string,
  firstLine: number,
): { ok: true; data: unknown } | { ok: false; problems: string[] } {
  const lineCounter = new LineCounter();
  // YAML 1.2 core schema: dates stay strings, "no" stays "no", and "<<" is no merge.
  const doc = parseDocument(source, {
    schema: "core",
    prettyErrors: false,
    uniqueKeys: true,
    merge: false,
    lineCounter,
  });
  const at = (offset: number | undefined) =>
    `front matter (line ${lineCounter.linePos(offset ?? 0).line + firstLine})`;
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map(
        (error) => `${at(error.pos[0])}: ${error.message.split("\n")[0]}; fix the YAML syntax`,
      ),
    };
  }
  const problems: string[] = [];
  visit(doc, {
    Node(_, node) {
      if (node.tag !== undefined && !isAlias(node)) {
        const tag = node.tag.replace(/^tag:yaml\.org,2002:/, "!!");
        problems.push(
          `${at(node.range?.[0])}: the YAML tag ${tag} is not allowed; write a plain value, in quotes if it should be text`,
        );
      }
    },
    Pair(_, { key }) {
      if (isScalar(key) && key.value === "<<") {
        problems.push(`${at(key.range?.[0])}: merge keys (<<) are not read; write each field out`);
      } else if (!isScalar(key) || typeof key.value !== "string") {
        const found = isScalar(key) ? JSON.stringify(key.value) : key ? "a list or a map" : "nothing";
        const range = (key as { range?: number[] } | null)?.range;
        problems.push(
          `${at(range?.[0])}: a key must be a field name written as text, like title; found ${found}`,
        );
      }
    },
  });
  if (problems.length > 0) return { ok: false, problems };
  try {
    return { ok: true, data: doc.toJS({ maxAliasCount: MAX_ALIASES }) ?? {} };
  } catch (error) {
    // The yaml package throws a ReferenceError past maxAliasCount.
    if (!(error instanceof ReferenceError)) throw error;
    return {
      ok: false,
      problems: [
        `front matter: its aliases (*name) expand to more than ${MAX_ALIASES} copies; write the values out`,
      ],
    };
  }
}

function lineCount(text: string): number {
  return text.split("\n").length - (text.endsWith("\n") ? 1 : 0);
}

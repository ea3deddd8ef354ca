// Splits a brief file into its YAML front matter and Markdown body, and reads the YAML.
import { parseDocument } from "yaml";

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

/** Reads a YAML document; syntax errors come back with their line (offset by `firstLine - 1`). */
export function readYaml(
  source: string,
  firstLine: number,
): { ok: true; data: unknown } | { ok: false; problems: string[] } {
  // YAML 1.2 core schema: dates stay strings, "no" stays "no".
  const doc = parseDocument(source, { schema: "core", prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((error) => {
        const line = (error.linePos?.[0]?.line ?? 1) + firstLine;
        return `front matter (line ${line}): ${error.message.split("\n")[0]}; fix the YAML syntax`;
      }),
    };
  }
  return { ok: true, data: doc.toJS() ?? {} };
}

function lineCount(text: string): number {
  return text.split("\n").length - (text.endsWith("\n") ? 1 : 0);
}

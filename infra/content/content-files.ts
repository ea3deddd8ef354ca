// Reads the files of content/ as text: only files inside content/ (a link is followed while it stays inside),
// only UTF-8 (a leading byte order mark is dropped).
import { lstat, readFile, realpath, stat } from "node:fs/promises";
import { relative, sep } from "node:path";

/** A file's text, or the problem that kept it from being read, phrased `field: what to do`. */
export type ContentText = { ok: true; text: string } | { ok: false; problem: string };

/**
 * Reads `file`, which must lie inside the folder `root` once every link on its way is followed. Rejects, as
 * readFile does, when nothing at all is at `file`.
 */
export async function readContentFile(root: string, file: string): Promise<ContentText> {
  const outside = await leadsOutside(root, file);
  if (outside) return { ok: false, problem: outside };
  const info = await stat(file);
  if (info.isDirectory()) return { ok: false, problem: "file: is a folder; only files belong here" };
  if (!info.isFile()) return { ok: false, problem: "file: is not a regular file; replace it with one" };
  return decodeUtf8(await readFile(file));
}

/**
 * Why `path` may not be read from `root`, or undefined when it lies inside it; rejects when nothing is there. A link out of content/ would
 * publish a file that no review of content/ saw, and that changes without content/ changing.
 */
export async function leadsOutside(root: string, path: string): Promise<string | undefined> {
  await lstat(path);
  let target: string;
  try {
    target = await realpath(path);
  } catch {
    return "file: is a link to a file that does not exist; fix the link or delete it";
  }
  const inside = relative(await realpath(root), target);
  if (inside === ".." || inside.startsWith(`..${sep}`) || inside.startsWith(sep))
    return `file: leads outside ${root} (to ${target}); copy the file into ${root} instead of linking to it`;
  return undefined;
}

/** Windows' Notepad saves "Unicode" as UTF-16, starting with its byte order mark. */
const UTF16_BOM = [
  [0xff, 0xfe],
  [0xfe, 0xff],
];

/**
 * Decodes UTF-8 strictly, dropping a leading byte order mark (which Windows editors write, and which is no
 * part of the text). Bytes that are not UTF-8 (Latin-1 or Windows-1252, as older editors save) are a problem
 * naming their line, rather than U+FFFD replacement characters in the feeds.
 */
export function decodeUtf8(bytes: Uint8Array): ContentText {
  try {
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    if (UTF16_BOM.some(([a, b]) => bytes[0] === a && bytes[1] === b)) {
      return { ok: false, problem: "encoding: is UTF-16; save it as UTF-8" };
    }
    const at = firstInvalidByte(bytes);
    const line = bytes.subarray(0, at).filter((byte) => byte === 0x0a).length + 1;
    const byte = (bytes[at] ?? 0).toString(16).toUpperCase().padStart(2, "0");
    return {
      ok: false,
      problem: `encoding: is not UTF-8 (byte 0x${byte} on line ${line}, perhaps Latin-1 or Windows-1252); save it as UTF-8`,
    };
  }
}

/** Where the first sequence that is not UTF-8 starts in `bytes`. */
function firstInvalidByte(bytes: Uint8Array): number {
  const refuses = (length: number) => {
    try {
      new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, length), { stream: true });
      return false;
    } catch {
      return true;
    }
  };
  // The shortest prefix a streaming decode refuses ends at the byte that broke a sequence (or at the end of
  // the file, for a sequence cut short); that sequence began at the lead byte (0xC0 and up) before it, if any.
  let [low, high] = [0, bytes.length];
  while (low < high) {
    const middle = (low + high) >> 1;
    if (refuses(middle + 1)) high = middle;
    else low = middle + 1;
  }
  for (let back = 1; back <= 3 && low - back >= 0; back++) {
    const byte = bytes[low - back] ?? 0;
    if (byte >= 0xc0) return low - back;
    if (byte < 0x80) break;
  }
  return Math.min(low, bytes.length - 1);
}

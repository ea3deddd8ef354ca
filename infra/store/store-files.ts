// Writes a compiled store to a folder, one file per document, as the bundled store reads it.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Catalog } from "../content/catalog.js";
import { type CompiledStore, compileInto } from "./compile-store.js";

/** What writeStoreFiles wrote. */
export interface WrittenStore extends CompiledStore {
  /** How many documents, the manifest and its copy included. */
  count: number;
  /** Their total size in bytes of UTF-8. */
  bytes: number;
  /** Every document by key while the total stays under `inlineLimit`; undefined past it. */
  inline: Record<string, string> | undefined;
}

/** Compiles `catalog` into `dir`; keeps the documents in memory too while they total at most `inlineLimit` bytes. */
export function writeStoreFiles(catalog: Catalog, dir: string, inlineLimit = 0): WrittenStore {
  const folders = new Set<string>();
  let inline: Record<string, string> | undefined = {};
  let count = 0;
  let bytes = 0;
  const write = ({ key, text }: { key: string; text: string }) => {
    const file = join(dir, key);
    const folder = dirname(file);
    if (!folders.has(folder)) {
      mkdirSync(folder, { recursive: true });
      folders.add(folder);
    }
    writeFileSync(file, text);
    count++;
    bytes += Buffer.byteLength(text);
    if (inline && bytes <= inlineLimit) inline[key] = text;
    else inline = undefined;
  };
  const compiled = compileInto(catalog, write);
  return { ...compiled, count, bytes, inline };
}

// Generated catalogues for the benchmarks, written once per size under .news-brief/bench/ and reused by later runs.
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { generateContent } from "../../infra/generate.js";

/** Where the benchmarks keep what they generate and the parse caches they warm (never committed). */
export const BENCH_DIR = ".news-brief/bench";

/**
 * The folder of `count` briefs as `npm run generate -- <count>` writes them, generated on first use only:
 * a marker file, written last, says the folder is complete.
 */
export async function generatedContent(count: number): Promise<string> {
  const dir = join(BENCH_DIR, `generated-${count}`);
  const marker = join(dir, "complete");
  const complete = await readFile(marker, "utf8").catch(() => "");
  if (complete.trim() === String(count) && (await readdir(join(dir, "briefs"))).length === count) return dir;
  await generateContent(dir, count);
  await writeFile(marker, `${count}\n`);
  return dir;
}

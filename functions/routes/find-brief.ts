// Looks a brief up by the id in a path: the brief, or the 404 or 410 that every brief route answers.
import { BRIEF_ID, type Brief } from "../catalog/brief.js";
import type { Snapshot } from "../catalog/snapshot.js";
import { GoneError, NotFoundError, quoted } from "../http-errors.js";

/** The brief with `id`; throws GoneError when it was withdrawn, NotFoundError when there never was one. */
export async function findBrief(snapshot: Snapshot, id: string): Promise<Brief> {
  // The build refuses any other file name, so anything else needs no read.
  const found =
    id.length <= 200 && BRIEF_ID.test(id) ? await snapshot.lookup(id) : { kind: "missing" as const };
  if (found.kind === "brief") return found.brief;
  if (found.kind === "withdrawn")
    throw new GoneError(`The brief "${quoted(id)}" was withdrawn by its publisher.`);
  throw new NotFoundError(`No brief has the id "${quoted(id)}".`);
}

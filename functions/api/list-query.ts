// Reads and checks the query of GET /api/briefs: limit, tag and cursor.
import type { Brief } from "../catalog/brief.js";
import type { Snapshot } from "../catalog/snapshot.js";
import { ALL } from "../catalog/store-layout.js";
import { tagSlug } from "../catalog/tag-slug.js";
import { BadRequestError, quoted } from "../http-errors.js";

/** Page sizes of the list API. */
export const LIMIT = { default: 10, max: 50 } as const;

/** A checked list query. */
export interface ListQuery {
  limit: number;
  /** The tag's slug, when filtering by tag. */
  tag: string | undefined;
  /** The id of the last brief of the previous page. */
  cursor: string | undefined;
}

/** Parses the query; a bad value is a 400 that says what to send instead. */
export function parseListQuery(query: (name: string) => string | undefined): ListQuery {
  const limitText = query("limit");
  const limit = limitText === undefined ? LIMIT.default : Number(limitText);
  if (limitText !== undefined && (!/^\d{1,3}$/.test(limitText) || limit < 1 || limit > LIMIT.max)) {
    throw new BadRequestError(
      `limit must be a whole number from 1 to ${LIMIT.max}; got "${clip(limitText)}".`,
    );
  }
  const tag = query("tag");
  if (tag !== undefined && tagSlug(tag) === "")
    throw new BadRequestError("tag is empty; send a tag, like tag=Microsoft.");
  const cursor = query("cursor");
  if (cursor !== undefined && !/^[a-z0-9-]{1,100}$/.test(cursor)) {
    throw new BadRequestError(
      "cursor is not valid; send back the `next` URL of the previous page unchanged.",
    );
  }
  return { limit, tag: tag === undefined ? undefined : tagSlug(tag), cursor };
}

/** One page of briefs for the query, and whether more follow: a few documents, at any depth. */
export async function selectPage(
  snapshot: Snapshot,
  { limit, tag, cursor }: ListQuery,
): Promise<{ items: Brief[]; more: boolean }> {
  const slug = tag ?? ALL;
  const set = snapshot.set(slug);
  if (!set) return { items: [], more: false };
  let from = set.count;
  if (cursor !== undefined) {
    const found = await snapshot.lookup(cursor);
    const position = found.kind === "brief" ? found.positions[slug] : undefined;
    if (position === undefined)
      throw new BadRequestError(
        "cursor is not valid; send back the `next` URL of the previous page unchanged.",
      );
    from = position - 1;
  }
  const items = await snapshot.briefsFrom(slug, from, limit);
  return { items, more: from - limit >= 1 };
}

function clip(text: string): string {
  return text.length > 20 ? `${quoted(text.slice(0, 20))}…` : quoted(text);
}

// Reads and checks the query of GET /api/briefs: limit, tag and cursor.
import type { Brief } from "../../infra/content/catalog.js";
import { tagSlug } from "../../infra/content/tag-slug.js";
import { BadRequestError } from "../http-errors.js";

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

/** One page of briefs for the query, and whether more follow. */
export function selectPage(
  briefs: Brief[],
  { limit, tag, cursor }: ListQuery,
): { items: Brief[]; more: boolean } {
  const matching =
    tag === undefined ? briefs : briefs.filter((brief) => brief.tags.some((t) => tagSlug(t) === tag));
  let start = 0;
  if (cursor !== undefined) {
    const index = matching.findIndex((brief) => brief.id === cursor);
    if (index < 0)
      throw new BadRequestError(
        "cursor is not valid; send back the `next` URL of the previous page unchanged.",
      );
    start = index + 1;
  }
  const items = matching.slice(start, start + limit);
  return { items, more: start + limit < matching.length };
}

function clip(text: string): string {
  return text.length > 20 ? `${text.slice(0, 20)}…` : text;
}

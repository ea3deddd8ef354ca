// The part of the public brief contract (GET /api/briefs/{id} and GET /api/briefs) that the widget renders, checked at runtime.
import { isHttpUrl } from "./http-url.js";

/** One key point: an optional bold heading and its text, plain and as the API's inline HTML. */
export interface KeyPoint {
  heading: string | null;
  text: string;
  /** The text with `em`, `strong`, `code` and `a href` markup; rendered only as rebuilt by `pointContent`. */
  html: string;
}

/** A brief as the widget reads it; the API sends more fields (`id`, `tags`, `image`…), which it ignores. */
export interface Brief {
  /** The brief's own page. */
  url: string;
  title: string;
  lead: string;
  /** ISO 8601 date-time with the publisher's offset, e.g. `2020-06-10T09:00:00+02:00`. */
  published: string;
  /** BCP 47 language of the text, e.g. `fr`. */
  lang: string;
  source: { name: string; url: string | null };
  points: KeyPoint[];
}

const isText = (value: unknown): value is string => typeof value === "string";

/**
 * Returns `data` typed as a {@link Brief} when every field the widget renders has the right type, the date
 * starts with `YYYY-MM-DD` and both links are absolute http(s) URLs; else `undefined`. Never throws.
 */
export function parseBrief(data: unknown): Brief | undefined {
  const brief = data as Brief;
  // Reading a field of null, or calling every() on a non-array, throws: that too means "not a brief".
  try {
    const valid =
      isHttpUrl(brief.url) &&
      [brief.title, brief.lead, brief.lang, brief.source.name].every(isText) &&
      /^\d{4}-\d\d-\d\dT/.test(brief.published) &&
      (brief.source.url === null || isHttpUrl(brief.source.url)) &&
      brief.points.every(
        (point) =>
          (point.heading === null || isText(point.heading)) && isText(point.text) && isText(point.html),
      );
    return valid ? brief : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Reads either answer of the API: one brief, or a list `{ items: [brief…] }`. Returns the briefs when there
 * is at least one and every one is valid; else `undefined`. Never throws.
 */
export function parseBriefs(data: unknown): Brief[] | undefined {
  const items = (data as { items?: unknown } | null)?.items;
  const briefs = Array.isArray(items) ? items : [data];
  return briefs.length && briefs.every(parseBrief) ? briefs : undefined;
}

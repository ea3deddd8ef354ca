// The public JSON shape of a brief: what the widget renders and partners may use directly.
import type { Brief } from "../catalog/brief.js";
import type { Links } from "../links.js";

/**
 * A brief as `/api/briefs/{id}` answers it: the brief, plus `url`, its page on this service.
 * Adding fields is compatible; renaming or removing one is not.
 */
export interface BriefJson extends Brief {
  url: string;
}

/** The public JSON of one brief. */
export function briefJson({ id, ...fields }: Brief, links: Links): BriefJson {
  return { id, url: links.briefPage(id), ...fields };
}

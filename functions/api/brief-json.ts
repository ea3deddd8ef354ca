// The public JSON shape of a brief: what the widget renders and partners may use directly.
import type { Brief, BriefImage, KeyPoint, Source } from "../../infra/content/catalog.js";
import type { Links } from "../links.js";

/** A brief as `/api/briefs/{id}` answers it. Adding fields is compatible; renaming or removing is not. */
export interface BriefJson {
  id: string;
  /** The brief's page on this service. */
  url: string;
  title: string;
  lead: string;
  published: string;
  updated: string | null;
  lang: string;
  tags: string[];
  source: Source;
  author: string | null;
  image: BriefImage | null;
  points: KeyPoint[];
}

/** The public JSON of one brief. */
export function briefJson(brief: Brief, links: Links): BriefJson {
  const { id, title, lead, published, updated, lang, tags, source, author, image, points } = brief;
  return {
    id,
    url: links.briefPage(id),
    title,
    lead,
    published,
    updated,
    lang,
    tags,
    source,
    author,
    image,
    points,
  };
}

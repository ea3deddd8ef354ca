// The validated content of content/: what the build compiles into the content store.
import type { Brief, Site } from "../../functions/catalog/brief.js";

export type { Brief, KeyPoint, Site } from "../../functions/catalog/brief.js";

/** Everything content/ holds: the site and its briefs, newest first. */
export interface Catalog {
  site: Site;
  briefs: Brief[];
}

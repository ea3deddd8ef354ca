// The content model the functions serve: a brief, its key points and the site, as validated by the build.

/** One key point of a brief: an optional bold heading and its paragraph. */
export interface KeyPoint {
  /** The bold phrase the point opens with, or null when it has none. */
  heading: string | null;
  /** The paragraph as plain text, without the heading. */
  text: string;
  /** The paragraph as safe inline HTML (`em`, `strong`, `code`, `a href`), without the heading. */
  html: string;
}

/** Where a brief's story comes from. */
export interface Source {
  name: string;
  /** The full article, or null when it is not known. */
  url: string | null;
}

/** An image illustrating a brief. */
export interface BriefImage {
  url: string;
  alt: string;
}

/** A brief's id: its file name, a lowercase slug. */
export const BRIEF_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A brief as written in `content/briefs/<id>.md`, validated. */
export interface Brief {
  /** The file name without `.md`: the brief's permanent identity. */
  id: string;
  title: string;
  lead: string;
  /** RFC 3339 date-time with offset, as the editor wrote it. */
  published: string;
  /** RFC 3339 date-time with offset, or null when never updated. */
  updated: string | null;
  lang: string;
  tags: string[];
  source: Source;
  author: string | null;
  image: BriefImage | null;
  points: KeyPoint[];
}

/** The publication, from `content/site.yml`. */
export interface Site {
  title: string;
  description: string;
  /** Public address of the service, without a trailing slash. */
  baseUrl: string;
  lang: string;
  publisher: { name: string; url: string };
  /** The `tag:` URI authority (RFC 4151) that feed and item ids are minted under, like `clubic.com,2020`. */
  idAuthority: string;
  /** The WebSub hub the feeds announce, or null. */
  hub: string | null;
  /** The publisher's logo, an absolute https URL, for structured data; absent when site.yml gives none. */
  logo?: string;
  /** The site's X (Twitter) handle, like `@clubic`, for Twitter Cards; absent when site.yml gives none. */
  twitter?: string;
  /** How many briefs a feed carries. */
  feedSize: number;
}

// Reads and checks the query of GET /oembed (oEmbed 1.0 §2.2): url, format, maxwidth and maxheight.
import { BadRequestError, quoted } from "../http-errors.js";

/** The formats this provider answers in. */
export const OEMBED_FORMATS = ["json", "xml"] as const;

/** One of {@link OEMBED_FORMATS}. */
export type OEmbedFormat = (typeof OEMBED_FORMATS)[number];

/** A checked oEmbed query. */
export interface OEmbedQuery {
  /** The address to embed, absolute http(s). */
  url: URL;
  /** As sent; `json` when absent. Another value than json or xml is answered 501 (§2.3.5). */
  format: string;
  /** Pixels; undefined when the consumer sets no limit. */
  maxWidth: number | undefined;
  maxHeight: number | undefined;
}

/** True for the formats this provider implements. */
export function isOEmbedFormat(format: string): format is OEmbedFormat {
  return (OEMBED_FORMATS as readonly string[]).includes(format);
}

/** Parses the query; a missing or malformed value is a 400 that says what to send instead. */
export function parseOEmbedQuery(query: (name: string) => string | undefined): OEmbedQuery {
  const urlText = query("url");
  if (urlText === undefined || urlText === "")
    throw new BadRequestError(
      "url is required: the address of a brief page, like url=https://HOST/briefs/ID.",
    );
  const url = URL.canParse(urlText) ? new URL(urlText) : undefined;
  if (!url || (url.protocol !== "http:" && url.protocol !== "https:"))
    throw new BadRequestError(`url must be an absolute http(s) address; got "${clip(urlText)}".`);
  return {
    url,
    format: query("format") ?? "json",
    maxWidth: dimension("maxwidth", query("maxwidth")),
    maxHeight: dimension("maxheight", query("maxheight")),
  };
}

function dimension(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^[1-9]\d{0,4}$/.test(text))
    throw new BadRequestError(
      `${name} must be a whole number of pixels from 1 to 99999; got "${clip(text)}".`,
    );
  return Number(text);
}

const clip = quoted;

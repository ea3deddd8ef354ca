// Which brief page of this site an oEmbed `url` names, if any.
import type { Links } from "../links.js";

/**
 * The id in `url` when it is the address of a brief page on this site's host, else undefined. The scheme
 * may be http or https and a trailing slash is allowed; query and fragment are ignored, since a pasted
 * address often carries tracking parameters. Whether a brief has that id is the caller's to check.
 */
export function briefIdOf(url: URL, links: Links): string | undefined {
  if (url.protocol !== "http:" && url.protocol !== "https:") return undefined;
  const path = url.pathname.replace(/\/$/, "");
  const id = path.slice(path.lastIndexOf("/") + 1);
  if (id === "") return undefined;
  const page = new URL(links.briefPage(id));
  return page.host === url.host && page.pathname === path ? id : undefined;
}

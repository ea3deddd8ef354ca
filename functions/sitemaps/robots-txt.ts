// robots.txt: what crawlers may fetch, and where the sitemaps are.
import type { Links } from "../links.js";

/** Every public path allowed, and the absolute URLs of the sitemap index and the news sitemap. */
export function renderRobots(links: Links): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${links.base}/sitemap.xml\nSitemap: ${links.base}/sitemap-news.xml\n`;
}

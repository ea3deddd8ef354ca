// A list of briefs for people: date, source, title linked to the brief's page, and lead.
import { html } from "hono/html";
import type { Brief } from "../catalog/brief.js";
import type { Links } from "../links.js";
import { longDate } from "./strings.js";

/** The briefs as a list, newest first as given. */
export function briefList(links: Links, briefs: Brief[]) {
  return html`<ul class="briefs">
${briefs.map(
  (brief) =>
    html`<li lang="${brief.lang}"><p class="meta"><time datetime="${brief.published}">${longDate(brief.published, brief.lang)}</time> · ${brief.source.name}</p><h3><a href="${links.briefPage(brief.id)}">${brief.title}</a></h3><p>${brief.lead}</p></li>
`,
)}</ul>`;
}

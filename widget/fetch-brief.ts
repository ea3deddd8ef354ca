// Fetches one brief from the API and sorts every way that can fail into a BriefErrorReason.
import { type Brief, parseBrief } from "./brief.js";
import type { BriefErrorReason } from "./events.js";

/**
 * GETs `src` cross-origin without cookies and resolves to the checked brief, or to why there is none:
 * `network` when no response arrives (a CORS refusal or an abort looks the same to a page), `http` on a
 * non-2xx status, `invalid` when the body is not a brief. Never rejects, so nothing reaches the host page.
 */
export async function fetchBrief(src: string, signal: AbortSignal): Promise<Brief | BriefErrorReason> {
  const response = await fetch(src, { credentials: "omit", mode: "cors", signal }).catch(() => undefined);
  if (!response) return "network";
  if (!response.ok) return "http";
  return parseBrief(await response.json().catch(() => undefined)) ?? "invalid";
}

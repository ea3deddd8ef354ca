// Runs the CloudFront Function of infra/aws/ as CloudFront does: its code alone in a fresh context, `handler`
// called with a viewer-request event whose header names are lowercase and whose repeats are in multiValue.
import { readFileSync } from "node:fs";
import { runInNewContext } from "node:vm";

/** A request header as CloudFront Functions see it. */
interface EventHeader {
  value: string;
  multiValue?: { value: string }[];
}

/** The request part of a viewer-request event. */
export interface ViewerRequest {
  method: string;
  uri: string;
  querystring: Record<string, { value: string }>;
  headers: Record<string, EventHeader>;
  cookies: Record<string, { value: string }>;
}

type Handler = (event: {
  version: "1.0";
  context: { eventType: string };
  request: ViewerRequest;
}) => ViewerRequest;

/** The `handler` of `file` (relative to the project), evaluated in a context of its own. */
export function loadCloudFrontFunction(file: string): Handler {
  const code = readFileSync(new URL(`../../../${file}`, import.meta.url), "utf8");
  return runInNewContext(`${code}\nhandler;`, {}, { filename: file }) as Handler;
}

/** A viewer request for `uri` carrying `headers` (a name given twice, as an array, is sent twice). */
export function viewerRequest(uri: string, headers: Record<string, string | string[]>): ViewerRequest {
  const eventHeaders: Record<string, EventHeader> = {};
  for (const [name, value] of Object.entries(headers)) {
    const values = Array.isArray(value) ? value : [value];
    eventHeaders[name.toLowerCase()] = {
      value: values[0] ?? "",
      ...(values.length > 1 && { multiValue: values.map((one) => ({ value: one })) }),
    };
  }
  return { method: "GET", uri, querystring: {}, headers: eventHeaders, cookies: {} };
}

/** What the origin receives after the function: the request's headers as one comma-joined value each. */
export function forwardedHeaders(request: ViewerRequest): Record<string, string> {
  return Object.fromEntries(
    Object.entries(request.headers).map(([name, header]) => [
      name,
      (header.multiValue ?? [header]).map((one) => one.value).join(","),
    ]),
  );
}

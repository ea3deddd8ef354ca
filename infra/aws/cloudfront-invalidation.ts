// Asks CloudFront to forget cached answers: one CreateInvalidation request (API 2020-05-31), signed with
// SigV4 for the global "cloudfront" service in us-east-1 through aws4fetch.
import { AwsClient } from "aws4fetch";

/** The API's address; NEWS_BRIEF_CLOUDFRONT_ENDPOINT replaces it, for tests against a local stand-in. */
export const CLOUDFRONT_ENDPOINT = "https://cloudfront.amazonaws.com";

/** CloudFront refused the invalidation or could not be reached. */
export class InvalidationError extends Error {
  override name = "InvalidationError";
}

/** What to invalidate, where, and as whom. */
export interface InvalidationRequest {
  distributionId: string;
  /** Paths starting with `/`, `*` allowed at the end. */
  paths: string[];
  /** Unique per invalidation: CloudFront answers a repeated one with the first, doing nothing again. */
  callerReference: string;
  /** AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN, NEWS_BRIEF_CLOUDFRONT_ENDPOINT. */
  env: Record<string, string | undefined>;
}

const escapeXml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The InvalidationBatch document CloudFront expects. */
export function invalidationBatch(paths: string[], callerReference: string): string {
  const items = paths.map((path) => `<Path>${escapeXml(path)}</Path>`).join("");
  return `<?xml version="1.0" encoding="UTF-8"?>
<InvalidationBatch xmlns="http://cloudfront.amazonaws.com/doc/2020-05-31/"><Paths><Quantity>${paths.length}</Quantity><Items>${items}</Items></Paths><CallerReference>${escapeXml(callerReference)}</CallerReference></InvalidationBatch>`;
}

/** Sends one invalidation; resolves to its id. Rejects with InvalidationError saying what CloudFront said. */
export async function createInvalidation(request: InvalidationRequest): Promise<string> {
  const { distributionId, paths, callerReference, env } = request;
  if (!/^[A-Z0-9]{1,64}$/.test(distributionId)) {
    throw new InvalidationError(
      `the distribution id must be letters and digits, like E2QWRUHAPOMQZL; got "${distributionId.slice(0, 80)}"`,
    );
  }
  const { AWS_ACCESS_KEY_ID: accessKeyId, AWS_SECRET_ACCESS_KEY: secretAccessKey } = env;
  if (!accessKeyId || !secretAccessKey) {
    throw new InvalidationError("AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY must be set to invalidate");
  }
  const client = new AwsClient({
    accessKeyId,
    secretAccessKey,
    sessionToken: env.AWS_SESSION_TOKEN || undefined,
    service: "cloudfront",
    region: "us-east-1",
    retries: 0,
  });
  const endpoint = (env.NEWS_BRIEF_CLOUDFRONT_ENDPOINT || CLOUDFRONT_ENDPOINT).replace(/\/+$/, "");
  const url = `${endpoint}/2020-05-31/distribution/${distributionId}/invalidation`;
  let response: Response;
  try {
    response = await client.fetch(url, {
      method: "POST",
      headers: { "Content-Type": "text/xml" },
      body: invalidationBatch(paths, callerReference),
      signal: AbortSignal.timeout(30_000),
    });
  } catch (error) {
    throw new InvalidationError(`${endpoint} could not be reached (${(error as Error).message})`, {
      cause: error,
    });
  }
  const text = await response.text();
  if (!response.ok) {
    const field = (name: string) => new RegExp(`<${name}>([^<]*)</${name}>`).exec(text)?.[1];
    const said = [field("Code"), field("Message")].filter(Boolean).join(": ") || text.slice(0, 200);
    throw new InvalidationError(`CloudFront answered ${response.status}${said ? ` (${said})` : ""}`);
  }
  return /<Id>([^<]*)<\/Id>/.exec(text)?.[1] ?? "";
}

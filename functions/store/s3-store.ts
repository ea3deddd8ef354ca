// A content store in any S3-compatible bucket (AWS S3, Cloudflare R2, Google Cloud Storage's XML API, MinIO),
// signed with aws4fetch: SigV4 over the platform's fetch, so it runs on every serverless host.
import { AwsClient } from "aws4fetch";
import {
  type ReadOptions,
  type StoreAnswer,
  StoreUnavailableError,
  type WritableContentStore,
} from "./content-store.js";

/** Where the bucket is and who signs. */
export interface S3StoreOptions {
  bucket: string;
  /** Key prefix without slashes at either end; "" for the bucket's root. */
  prefix: string;
  /** An S3-compatible endpoint, addressed path-style (`{endpoint}/{bucket}/{key}`); unset means AWS S3. */
  endpoint?: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Set for temporary credentials, as Lambda's role gives. */
  sessionToken?: string;
  /** How long one request may take, in milliseconds. Default 5000. */
  timeoutMs?: number;
  /** The fetch to use. Default the global one. */
  fetch?: typeof fetch;
}

/** Documents as objects under `prefix/` in one bucket. */
export class S3Store implements WritableContentStore {
  readonly name: string;
  readonly #client: AwsClient;
  readonly #base: string;
  readonly #prefix: string;

  constructor(readonly options: S3StoreOptions) {
    const { bucket, prefix, endpoint, region } = options;
    this.name = `s3://${bucket}${prefix ? `/${prefix}` : ""}`;
    this.#prefix = prefix ? `${prefix}/` : "";
    this.#base = endpoint
      ? `${endpoint.replace(/\/+$/, "")}/${bucket}`
      : `https://${bucket}.s3.${region}.amazonaws.com`;
    this.#client = new AwsClient({
      service: "s3",
      region,
      accessKeyId: options.accessKeyId,
      secretAccessKey: options.secretAccessKey,
      sessionToken: options.sessionToken,
    });
  }

  async get(key: string, { etag, signal }: ReadOptions = {}): Promise<StoreAnswer> {
    const response = await this.#send(
      `GET ${key}`,
      this.#url(key),
      { headers: etag ? { "If-None-Match": etag } : {} },
      signal,
    );
    if (response.status === 304) return { status: 304 };
    if (response.status === 404) {
      const body = await this.#text(response, `GET ${key}`);
      // A misspelt bucket is a configuration error, not content that was never published.
      if (body.includes("<Code>NoSuchBucket</Code>"))
        throw new StoreUnavailableError(`${this.name}: no such bucket`);
      return { status: 404 };
    }
    await this.#expect(response, [200], `GET ${key}`);
    const text = await this.#text(response, `GET ${key}`);
    return { status: 200, text, etag: response.headers.get("ETag") ?? "" };
  }

  async put(key: string, text: string): Promise<void> {
    const response = await this.#send(`PUT ${key}`, this.#url(key), {
      method: "PUT",
      body: text,
      headers: { "Content-Type": "application/json; charset=utf-8" },
    });
    await this.#expect(response, [200], `PUT ${key}`);
    await response.body?.cancel();
  }

  /** ListObjectsV2, following continuation tokens, 1,000 keys a page. */
  async list(prefix: string): Promise<string[]> {
    const keys: string[] = [];
    let token: string | undefined;
    do {
      const url = new URL(`${this.#base}/`);
      url.searchParams.set("list-type", "2");
      url.searchParams.set("prefix", this.#prefix + prefix);
      if (token) url.searchParams.set("continuation-token", token);
      const response = await this.#send(`LIST ${prefix}`, url.href, {});
      await this.#expect(response, [200], `LIST ${prefix}`);
      const xml = await this.#text(response, `LIST ${prefix}`);
      for (const [, key = ""] of xml.matchAll(/<Key>([^<]*)<\/Key>/g)) {
        keys.push(decodeXml(key).slice(this.#prefix.length));
      }
      token = /<IsTruncated>true<\/IsTruncated>/.test(xml)
        ? decodeXml(/<NextContinuationToken>([^<]*)<\/NextContinuationToken>/.exec(xml)?.[1] ?? "")
        : undefined;
    } while (token);
    return keys.sort();
  }

  async delete(key: string): Promise<void> {
    const response = await this.#send(`DELETE ${key}`, this.#url(key), { method: "DELETE" });
    await this.#expect(response, [200, 204], `DELETE ${key}`);
    await response.body?.cancel();
  }

  #url(key: string): string {
    return `${this.#base}/${(this.#prefix + key).split("/").map(encodeURIComponent).join("/")}`;
  }

  /** Sends a signed request; `what` (`GET manifest.json`) names it in the error when no answer comes. */
  async #send(what: string, url: string, init: RequestInit, signal?: AbortSignal): Promise<Response> {
    const timeout = AbortSignal.timeout(this.options.timeoutMs ?? 5000);
    try {
      const request = await this.#client.sign(url, {
        ...init,
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      });
      return await (this.options.fetch ?? fetch)(request);
    } catch (error) {
      const why =
        (error as Error).name === "TimeoutError" ? "did not answer in time" : "could not be reached";
      throw new StoreUnavailableError(`${this.name} ${why} (${what}: ${(error as Error).message})`, {
        cause: error,
      });
    }
  }

  /** The body's text; the request's timeout also covers the body, so a stalled one fails the same way. */
  async #text(response: Response, what: string): Promise<string> {
    try {
      return await response.text();
    } catch (error) {
      const why =
        (error as Error).name === "TimeoutError" ? "did not answer in time" : "could not be reached";
      throw new StoreUnavailableError(`${this.name}: ${what} ${why} (${(error as Error).message})`, {
        cause: error,
      });
    }
  }

  async #expect(response: Response, statuses: number[], what: string): Promise<void> {
    if (statuses.includes(response.status)) return;
    const body = (await response.text().catch(() => "")).slice(0, 300);
    const code = /<Code>([^<]*)<\/Code>/.exec(body)?.[1];
    throw new StoreUnavailableError(
      `${this.name}: ${what} answered ${response.status}${code ? ` ${code}` : ""}`,
    );
  }
}

const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** Decodes the named and numeric references S3 servers write in keys (s3rver writes ' as &#x27;). */
function decodeXml(text: string): string {
  return text.replace(
    /&(?:(lt|gt|amp|quot|apos)|#(\d+)|#x([0-9a-fA-F]+));/g,
    (_, name?: string, dec?: string, hex?: string) =>
      name ? (ENTITIES[name] ?? "") : String.fromCodePoint(Number.parseInt(dec ?? hex ?? "0", dec ? 10 : 16)),
  );
}

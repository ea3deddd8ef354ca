// A stand-in for CloudFront's API on loopback: records each request and answers CreateInvalidation with 201,
// or with the error status and body a test sets.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

/** One request the stand-in received. */
export interface CloudFrontRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A running stand-in. */
export interface StubCloudFront {
  /** `http://127.0.0.1:<port>`, for NEWS_BRIEF_CLOUDFRONT_ENDPOINT. */
  endpoint: string;
  requests: CloudFrontRequest[];
  /** Answers every request with this status and an AWS error body from now on. */
  fail(status: number, code: string, message: string): void;
  close(): Promise<void>;
}

/** Starts the stand-in on 127.0.0.1, on a free port. */
export async function startStubCloudFront(): Promise<StubCloudFront> {
  let failure: { status: number; code: string; message: string } | undefined;
  const requests: CloudFrontRequest[] = [];
  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    requests.push({
      method: request.method ?? "",
      path: request.url ?? "",
      headers: request.headers,
      body: Buffer.concat(chunks).toString("utf8"),
    });
    response.setHeader("Content-Type", "text/xml");
    if (failure) {
      response.statusCode = failure.status;
      response.end(
        `<?xml version="1.0"?><ErrorResponse xmlns="http://cloudfront.amazonaws.com/doc/2020-05-31/"><Error><Type>Sender</Type><Code>${failure.code}</Code><Message>${failure.message}</Message></Error><RequestId>r</RequestId></ErrorResponse>`,
      );
      return;
    }
    response.statusCode = 201;
    response.setHeader("Location", `https://cloudfront.amazonaws.com${request.url}/I2J0I21PCUYOIK`);
    response.end(
      `<?xml version="1.0"?><Invalidation xmlns="http://cloudfront.amazonaws.com/doc/2020-05-31/"><Id>I2J0I21PCUYOIK</Id><Status>InProgress</Status></Invalidation>`,
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    requests,
    fail: (status, code, message) => {
      failure = { status, code, message };
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

// A WebSub hub on loopback that records every request and answers each feed as a test asks.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

/** How the hub answers a ping: a bare status, a status with a message, a redirect, or never. */
export type HubAnswer = number | { status: number; message: string } | { redirect: string } | "hang";

/** One request the hub received. */
export interface HubRequest {
  method: string;
  contentType: string | undefined;
  body: string;
  form: [string, string][];
}

/** A running stub hub. */
export interface StubHub {
  /** Its URL, `http://127.0.0.1:<port>/`. */
  url: string;
  requests: HubRequest[];
  /** The most requests it held open at once. */
  maxInFlight: number;
  /** Answers pings for `feedUrl` with `answer` (204 until told otherwise). */
  answer(feedUrl: string, answer: HubAnswer): void;
  /** Waits this long before answering anything. Default 0. */
  delayMs: number;
  /** The `hub.url` of every request, in arrival order. */
  pinged(): string[];
  close(): Promise<void>;
}

/** Starts a stub hub on 127.0.0.1, on a free port. */
export async function startStubHub(): Promise<StubHub> {
  const answers = new Map<string, HubAnswer>();
  let inFlight = 0;
  const server = createServer(async (request, response) => {
    inFlight += 1;
    hub.maxInFlight = Math.max(hub.maxInFlight, inFlight);
    response.on("close", () => {
      inFlight -= 1;
    });
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString("utf8");
    const form = [...new URLSearchParams(body)];
    hub.requests.push({
      method: request.method ?? "",
      contentType: request.headers["content-type"],
      body,
      form,
    });
    const answer = answers.get(new URLSearchParams(body).get("hub.url") ?? "") ?? 204;
    if (answer === "hang") return;
    if (hub.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, hub.delayMs));
    if (typeof answer === "number") response.writeHead(answer).end();
    else if ("redirect" in answer) response.writeHead(301, { location: answer.redirect }).end();
    else response.writeHead(answer.status, { "content-type": "text/plain" }).end(answer.message);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const hub: StubHub = {
    url: `http://127.0.0.1:${port}/`,
    requests: [],
    maxInFlight: 0,
    delayMs: 0,
    answer: (feedUrl, answer) => answers.set(feedUrl, answer),
    pinged: () => hub.requests.map((r) => new URLSearchParams(r.body).get("hub.url") ?? ""),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
  return hub;
}

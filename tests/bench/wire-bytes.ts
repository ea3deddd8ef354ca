// Bytes on the wire: each feed and the API's first page as the app serves them, identity, gzip and Brotli,
// and the 304 a poll with the current ETag gets: headers only, its body asserted empty.
import { loadCatalog } from "../../infra/content/load.js";
import { testApp } from "../support/test-app.js";
import type { Benchmark, BenchRow } from "./benchmark.js";
import { BENCH_DIR, generatedContent } from "./generated-content.js";

/** Enough briefs to fill every feed (20 items) and the API's first page. */
const BRIEFS = 100;
const PATHS = ["/feed.xml", "/atom.xml", "/feed.json", "/api/briefs"];
const CODINGS = [
  { name: "raw", accept: "identity" },
  { name: "gzip", accept: "gzip" },
  { name: "Brotli", accept: "br" },
] as const;
const GROUP = "Bytes on the wire";

/** The bytes of a response's status line and headers, as HTTP/1.1 writes them. */
function headerBytes(response: Response): number {
  let bytes = `HTTP/1.1 ${response.status} ${response.statusText || "Not Modified"}\r\n`.length + 2;
  response.headers.forEach((value, name) => {
    bytes += Buffer.byteLength(`${name}: ${value}\r\n`);
  });
  return bytes;
}

export const wireBytes: Benchmark = {
  name: "wire-bytes",
  async run() {
    const catalog = await loadCatalog(await generatedContent(BRIEFS), { cacheDir: `${BENCH_DIR}/parsed` });
    const app = testApp(catalog);
    const rows: BenchRow[] = [];
    for (const path of PATHS) {
      const url = `${catalog.site.baseUrl}${path}`;
      let etag = "";
      for (const { name, accept } of CODINGS) {
        const response = await app.request(url, { headers: { "accept-encoding": accept } });
        const body = new Uint8Array(await response.arrayBuffer());
        const served = response.headers.get("content-encoding") ?? "identity";
        if (response.status !== 200 || served !== accept) {
          throw new Error(`${path} with Accept-Encoding: ${accept} answered ${response.status} in ${served}`);
        }
        etag = response.headers.get("etag") ?? "";
        rows.push({ group: GROUP, name: `${path} ${name}`, value: body.length, unit: "bytes", note: "body" });
      }
      const poll = await app.request(url, { headers: { "accept-encoding": "br", "if-none-match": etag } });
      const pollBody = (await poll.arrayBuffer()).byteLength;
      if (poll.status !== 304 || pollBody !== 0) {
        throw new Error(`${path} with If-None-Match: ${etag} answered ${poll.status} with ${pollBody} bytes`);
      }
      rows.push({
        group: GROUP,
        name: `${path} 304`,
        value: headerBytes(poll),
        unit: "bytes",
        note: "status line and headers; body 0 bytes (asserted)",
      });
    }
    return rows;
  },
};

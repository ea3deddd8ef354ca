// The hostile corpus through the app in process: every answer a clear 4xx, a correct 2xx or 3xx, or oEmbed's 501.
import { beforeAll, describe, expect, test } from "vitest";
import { allSections } from "../../functions/all-sections.js";
import { createApp } from "../../functions/app.js";
import { Content } from "../../functions/catalog/content.js";
import { loadCatalog } from "../../infra/content/load.js";
import {
  CORPUS_BASE_URL,
  CORPUS_WITHDRAWN,
  HOSTILE_CLASSES,
  HOSTILE_REQUESTS,
} from "../support/hostile-requests.js";
import { NOT_CARRIED, runCorpus } from "../support/hostile-run.js";
import { WIDGET_SCRIPT } from "../support/test-app.js";
import { storeOf } from "../support/test-content.js";

describe("the hostile corpus, in process", () => {
  let app: ReturnType<typeof createApp>;

  beforeAll(async () => {
    const catalog = await loadCatalog("content");
    const content = new Content(storeOf(catalog, [CORPUS_WITHDRAWN]));
    app = createApp(content, allSections(WIDGET_SCRIPT), { baseUrl: CORPUS_BASE_URL, logger: { log() {} } });
  });

  test("holds at least 300 requests, in every class", () => {
    expect(HOSTILE_REQUESTS.length).toBeGreaterThanOrEqual(300);
    expect(new Set(HOSTILE_REQUESTS.map((request) => request.class))).toEqual(new Set(HOSTILE_CLASSES));
  });

  test("every request gets a clear 4xx, a correct 2xx or 3xx, or oEmbed's 501, and nothing runnable", async () => {
    const { failures, tally } = await runCorpus(async ({ method, path, headers, body }) => {
      let request: Request;
      try {
        request = new Request(`${CORPUS_BASE_URL}${path}`, { method, headers, body });
      } catch {
        // A web Request refuses some methods (TRACE, CONNECT), bodies on GET, and "*" as a path.
        return NOT_CARRIED;
      }
      const response = await app.fetch(request);
      return {
        status: response.status,
        headers: response.headers,
        body: new Uint8Array(await response.arrayBuffer()),
      };
    });
    console.log(tally.lines("app").join("\n"));
    expect(failures).toEqual([]);
  });
});

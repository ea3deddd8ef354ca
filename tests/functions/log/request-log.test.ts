import { Hono } from "hono";
import { afterEach, describe, expect, test, vi } from "vitest";
import { allSections } from "../../../functions/all-sections.js";
import { createApp } from "../../../functions/app.js";
import { atLeast, type LogEntry } from "../../../functions/log/logger.js";
import { generatedCatalog } from "../../fixtures/catalog.js";
import { WIDGET_SCRIPT } from "../../support/test-app.js";
import { contentOf } from "../../support/test-content.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** An app over three briefs, its content version, and the lines it logged. */
async function setUp() {
  const content = contentOf(generatedCatalog(3));
  const { version } = await content.snapshot();
  const lines: LogEntry[] = [];
  const app = createApp(content, allSections(WIDGET_SCRIPT), {
    logger: { log: (entry) => lines.push(entry) },
  });
  const get = (path: string, init?: RequestInit) => app.request(`https://briefs.example.com${path}`, init);
  return { version, lines, get };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("the request log", () => {
  test("logs one line for a 200: id, method, route pattern, status, duration and content version", async () => {
    const { version, lines, get } = await setUp();
    await get("/briefs/brief-0002");
    expect(lines).toEqual([
      {
        level: "info",
        message: "request",
        requestId: expect.stringMatching(UUID),
        method: "GET",
        route: "/briefs/:id",
        status: 200,
        durationMs: expect.any(Number),
        version,
      },
    ]);
    expect(lines[0]?.durationMs).toBeGreaterThanOrEqual(0);
  });

  test("names the pattern, not the path, with its constraints left out", async () => {
    const { lines, get } = await setUp();
    await get("/tags/microsoft/archive/1/feed.json");
    await get("/feed.xml");
    expect(lines.map((line) => line.route)).toEqual(["/tags/:slug/archive/:page/:file", "/:file"]);
  });

  test("logs a 404 for a path no route matches with no route", async () => {
    const { version, lines, get } = await setUp();
    await get("/wp-login.php?user=admin");
    expect(lines).toEqual([expect.objectContaining({ level: "info", route: null, status: 404, version })]);
  });

  test("logs a 404 from a route, and a 404 under /api/ past its CORS middleware, with the right route", async () => {
    const { lines, get } = await setUp();
    await get("/briefs/nope");
    await get("/api/nope");
    expect(lines.map(({ route, status }) => [route, status])).toEqual([
      ["/briefs/:id", 404],
      [null, 404],
    ]);
  });

  test("logs a 304 and a 405 with their status", async () => {
    const { lines, get } = await setUp();
    const etag = (await get("/feed.json")).headers.get("etag") ?? "";
    await get("/feed.json", { headers: { "If-None-Match": etag } });
    await get("/feed.json", { method: "POST" });
    expect(lines.map(({ method, route, status }) => [method, route, status])).toEqual([
      ["GET", "/:file", 200],
      ["GET", "/:file", 304],
      ["POST", "/:file", 405],
    ]);
  });

  test("takes the caller's X-Request-Id when it looks like one, and a new id otherwise", async () => {
    const { lines, get } = await setUp();
    await get("/", { headers: { "X-Request-Id": "Root=1-5e6722a7-cc56xmpl46db7ae02d4da47e" } });
    await get("/", { headers: { "X-Request-Id": `forged"},{"level":"error` } });
    await get("/", { headers: { "X-Request-Id": "a".repeat(129) } });
    await get("/");
    expect(lines.map((line) => line.requestId)).toEqual([
      "Root=1-5e6722a7-cc56xmpl46db7ae02d4da47e",
      expect.stringMatching(UUID),
      expect.stringMatching(UUID),
      expect.stringMatching(UUID),
    ]);
    expect(new Set(lines.map((line) => line.requestId)).size).toBe(4);
  });

  test("logs a 500 at level error", async () => {
    const content = contentOf(generatedCatalog(1));
    const lines: LogEntry[] = [];
    vi.spyOn(console, "log").mockImplementation(() => undefined);
    const failing = () =>
      new Hono().get("/boom", () => {
        throw new Error("bug");
      });
    const app = createApp(content, [failing], { logger: { log: (entry) => lines.push(entry) } });
    expect((await app.request("https://briefs.example.com/boom")).status).toBe(500);
    expect(lines).toEqual([expect.objectContaining({ level: "error", route: "/boom", status: 500 })]);
  });

  test("makes no line a logger would drop: at warn, a 200 asks for no id, a 500 is still logged", async () => {
    const content = contentOf(generatedCatalog(1));
    const lines: LogEntry[] = [];
    vi.spyOn(console, "log").mockImplementation(() => undefined);
    const asked: unknown[] = [];
    const failing = () =>
      new Hono().get("/boom", () => {
        throw new Error("bug");
      });
    const app = createApp(content, [...allSections(WIDGET_SCRIPT), failing], {
      logger: atLeast("warn", { log: (entry) => lines.push(entry) }),
      requestId: (env) => {
        asked.push(env);
        return "host-id";
      },
    });
    expect((await app.request("https://briefs.example.com/feed.xml")).status).toBe(200);
    expect(asked).toEqual([]);
    expect(lines).toEqual([]);
    expect((await app.request("https://briefs.example.com/boom")).status).toBe(500);
    expect(asked).toHaveLength(1);
    expect(lines).toEqual([expect.objectContaining({ level: "error", requestId: "host-id", status: 500 })]);
  });

  test("never breaks a response when the console throws or the logger does", async () => {
    vi.spyOn(console, "log").mockImplementation(() => {
      throw new Error("EPIPE");
    });
    const content = contentOf(generatedCatalog(1));
    const quiet = createApp(content, allSections(WIDGET_SCRIPT));
    const throwing = createApp(content, allSections(WIDGET_SCRIPT), {
      logger: {
        log() {
          throw new Error("logger down");
        },
      },
    });
    for (const app of [quiet, throwing]) {
      const response = await app.request("https://briefs.example.com/feed.xml");
      expect(response.status).toBe(200);
      expect(await response.text()).toContain("<rss");
    }
  });
});

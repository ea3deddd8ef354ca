// `npm start` runs dist/server.mjs: it must print where it serves and serve every route there.
import { type ChildProcess, spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { requestOverHttp } from "./hosts/host-under-test.js";

/** A running `npm start` server: its process, its stdout so far, and the address it printed. */
interface LocalServer {
  child: ChildProcess;
  output: () => string;
  base: string;
}

/** Starts dist/server.mjs on a free port, logging every request, and waits for the address it prints. */
async function startLocalServer(): Promise<LocalServer> {
  const child = spawn(process.execPath, ["dist/server.mjs"], {
    env: { ...process.env, PORT: "0", PUBLIC_BASE_URL: "", NEWS_BRIEF_LOG_LEVEL: "info" },
  });
  let text = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    text += chunk.toString();
  });
  const base = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server printed no address:\n${text}`)), 15_000);
    child.stdout?.on("data", () => {
      const match = /serving \d+ brief\(s\) on (http:\/\/\S+)/.exec(text);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once("exit", (code) => reject(new Error(`server exited with ${code}:\n${text}`)));
  });
  return { child, output: () => text, base };
}

let server: LocalServer;
let base = "";

beforeAll(async () => {
  server = await startLocalServer();
  base = server.base;
});

afterAll(() => {
  server?.child.kill();
});

describe("the local server (npm start)", () => {
  test("prints the address of every kind of route", () => {
    for (const path of [
      "/",
      "/feed.xml",
      "/atom.xml",
      "/feed.json",
      "/api/briefs",
      "/widget/news-brief.js",
    ]) {
      expect(server.output()).toContain(`${base}${path}\n`);
    }
    expect(server.output()).toContain(`${base}/briefs/microsoft-employes-contrats-police`);
  });

  test("serves the seed brief at the printed addresses, with links to itself", async () => {
    const response = await fetch(`${base}/api/briefs/microsoft-employes-contrats-police`);
    expect(response.status).toBe(200);
    expect((await response.json()).url).toBe(`${base}/briefs/microsoft-employes-contrats-police`);
    const feed = await (await fetch(`${base}/feed.xml`)).text();
    expect(feed).toContain(`<link>${base}/briefs/microsoft-employes-contrats-police</link>`);
  });

  test("writes one JSON line per request to stdout, soon after the answer", async () => {
    const id = `batch-${Date.now()}`;
    for (let i = 0; i < 3; i++) {
      await fetch(`${base}/feed.json`, { headers: { "X-Request-Id": `${id}-${i}` } });
    }
    const tagged = () =>
      server
        .output()
        .split("\n")
        .filter((line) => line.includes(id));
    await expect.poll(() => tagged().length, { timeout: 5_000 }).toBe(3);
    const lines = tagged();
    expect(lines.map((line) => JSON.parse(line))).toEqual(
      [0, 1, 2].map((i) =>
        expect.objectContaining({
          requestId: `${id}-${i}`,
          route: "/:file",
          status: 200,
          message: "request",
        }),
      ),
    );
  });

  test.each(["/briefs/..\\..\\etc/passwd", "*"])(
    "answers %s, which the web platform cannot read as a path, with a plain-text 400, not an empty one",
    async (path) => {
      const answer = await requestOverHttp(base, path);
      expect(answer.status).toBe(400);
      expect(answer.headers.get("content-type")).toBe("text/plain; charset=utf-8");
      expect(answer.headers.get("x-content-type-options")).toBe("nosniff");
      expect(Buffer.from(answer.body).toString("utf8")).toMatch(/^400 This request's address cannot be read/);
    },
  );
});

describe("stopping the local server", () => {
  test.each(["SIGTERM", "SIGINT"] as const)(
    "on %s, it ends by that signal, its request lines written",
    async (signal) => {
      const { child, output: text, base: url } = await startLocalServer();
      await fetch(`${url}/api/briefs`, { headers: { "X-Request-Id": "before-stop" } });
      const exited = new Promise<NodeJS.Signals | null>((resolve) =>
        child.once("exit", (_code, sig) => resolve(sig)),
      );
      child.kill(signal);
      expect(await exited).toBe(signal);
      expect(text()).toContain('"requestId":"before-stop"');
    },
  );
});

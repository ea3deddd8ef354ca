// NEWS_BRIEF_LOG_LEVEL (or Lambda's AWS_LAMBDA_LOG_LEVEL) sets what the request log and the store's warnings keep.
import { describe, expect, test } from "vitest";
import { allSections } from "../../../functions/all-sections.js";
import { createApp } from "../../../functions/app.js";
import { contentFromEnv } from "../../../functions/content-from-env.js";
import { type LogEntry, logLevelOf } from "../../../functions/log/logger.js";
import { ConfigError } from "../../../functions/store/store-config.js";
import { generatedCatalog } from "../../fixtures/catalog.js";
import { WIDGET_SCRIPT } from "../../support/test-app.js";
import { storeOf } from "../../support/test-content.js";

/** The app configured from `env`, its log lines kept in `lines`. */
function appWith(env: Record<string, string>) {
  const lines: LogEntry[] = [];
  const store = storeOf(generatedCatalog(3));
  const content = contentFromEnv(env, () => store, { logger: { log: (entry) => lines.push(entry) } });
  return { app: createApp(content, allSections(WIDGET_SCRIPT)), lines };
}

describe("the log level", () => {
  test.each([
    [{}, "info"],
    [{ NEWS_BRIEF_LOG_LEVEL: "warn" }, "warn"],
    [{ NEWS_BRIEF_LOG_LEVEL: " ERROR " }, "error"],
    [{ AWS_LAMBDA_LOG_LEVEL: "WARN" }, "warn"],
    [{ AWS_LAMBDA_LOG_LEVEL: "DEBUG" }, "info"],
    [{ AWS_LAMBDA_LOG_LEVEL: "FATAL" }, "error"],
    [{ NEWS_BRIEF_LOG_LEVEL: "info", AWS_LAMBDA_LOG_LEVEL: "ERROR" }, "info"],
  ])("%j gives %s", (env, level) => {
    expect(logLevelOf(env)).toBe(level);
  });

  test("info, the default, logs every request", async () => {
    const { app, lines } = appWith({});
    await app.request("https://briefs.example.com/feed.json");
    expect(lines.map((line) => [line.message, line.status])).toEqual([["request", 200]]);
  });

  test("warn keeps no request line of a 200 or a 404", async () => {
    const { app, lines } = appWith({ NEWS_BRIEF_LOG_LEVEL: "warn" });
    expect((await app.request("https://briefs.example.com/feed.json")).status).toBe(200);
    expect((await app.request("https://briefs.example.com/nowhere")).status).toBe(404);
    expect(lines).toEqual([]);
  });

  test("an unknown value stops start-up, naming the variable", () => {
    expect(() => appWith({ NEWS_BRIEF_LOG_LEVEL: "verbose" })).toThrow(ConfigError);
    expect(() => appWith({ NEWS_BRIEF_LOG_LEVEL: "verbose" })).toThrow(
      /NEWS_BRIEF_LOG_LEVEL must be info, warn or error; got "verbose"/,
    );
  });
});

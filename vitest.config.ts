import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    benchmark: { include: ["tests/**/*.bench.ts"] },
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Output with dates is rendered in this zone; tests that care freeze it explicitly as well.
    // Request lines stay out of the test output (the tests of the log set their own level); warnings still show.
    env: { TZ: "Europe/Paris", NEWS_BRIEF_LOG_LEVEL: "warn" },
  },
});

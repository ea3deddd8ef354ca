// Which store the environment names: the bundled one or a bucket, and a ConfigError naming each bad variable.
import { describe, expect, test, vi } from "vitest";
import { DEFAULT_TTL_SECONDS } from "../../../functions/store/content-store.js";
import { MemoryStore } from "../../../functions/store/memory-store.js";
import { S3Store } from "../../../functions/store/s3-store.js";
import {
  ConfigError,
  s3StoreFromEnv,
  storeConfig,
  storeFromEnv,
} from "../../../functions/store/store-config.js";

const CREDENTIALS = { AWS_ACCESS_KEY_ID: "AKIDEXAMPLE", AWS_SECRET_ACCESS_KEY: "secret" };

/** The error `run` throws; fails when it throws none. */
function thrown(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected an error");
}

describe("storeConfig", () => {
  test.each([
    ["unset", {}],
    ["empty", { NEWS_BRIEF_CONTENT: "" }],
    ["blank", { NEWS_BRIEF_CONTENT: "   " }],
    ["bundled", { NEWS_BRIEF_CONTENT: "bundled" }],
    ["bundled with spaces", { NEWS_BRIEF_CONTENT: " bundled\n" }],
  ])("reads the bundled store when NEWS_BRIEF_CONTENT is %s", (_, env) => {
    expect(storeConfig(env)).toEqual({ content: { kind: "bundled" }, ttlSeconds: DEFAULT_TTL_SECONDS });
  });

  test.each([
    ["s3://clubic-briefs/prod", "clubic-briefs", "prod"],
    ["s3://clubic-briefs", "clubic-briefs", ""],
    ["s3://clubic-briefs/", "clubic-briefs", ""],
    ["s3://my.bucket-1/site/prod/", "my.bucket-1", "site/prod"],
    ["s3://abc//deep//", "abc", "deep"],
  ])("reads %s as bucket %s, prefix %j", (value, bucket, prefix) => {
    expect(storeConfig({ NEWS_BRIEF_CONTENT: value }).content).toEqual({ kind: "s3", bucket, prefix });
  });

  test("defaults the TTL to 30 seconds and reads a whole number of seconds, 0 included", () => {
    expect(DEFAULT_TTL_SECONDS).toBe(30);
    expect(storeConfig({ NEWS_BRIEF_CONTENT_TTL: "" }).ttlSeconds).toBe(30);
    expect(storeConfig({ NEWS_BRIEF_CONTENT_TTL: " 5 " }).ttlSeconds).toBe(5);
    expect(storeConfig({ NEWS_BRIEF_CONTENT_TTL: "0" }).ttlSeconds).toBe(0);
    expect(storeConfig({ NEWS_BRIEF_CONTENT_TTL: "999999" }).ttlSeconds).toBe(999999);
  });

  test.each([
    "s3://",
    "s3://ab",
    "s3://Upper-Case/prod",
    "s3://-bucket/prod",
    "s3:/bucket/prod",
    "https://bucket.s3.amazonaws.com/prod",
    "bucket/prod",
    "Bundled",
    "file:///srv/store",
  ])("refuses NEWS_BRIEF_CONTENT=%j with a ConfigError naming the variable", (value) => {
    const error = thrown(() => storeConfig({ NEWS_BRIEF_CONTENT: value }));
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.name).toBe("ConfigError");
    expect(error.message).toMatch(/^NEWS_BRIEF_CONTENT must be "bundled" or s3:\/\/bucket\/prefix/);
    expect(error.message).toContain(`got "${value}"`);
  });

  test.each(["-1", "1.5", "30s", "abc", "1000000", "0x10"])(
    "refuses NEWS_BRIEF_CONTENT_TTL=%j with a ConfigError naming the variable",
    (value) => {
      const error = thrown(() => storeConfig({ NEWS_BRIEF_CONTENT_TTL: value }));
      expect(error).toBeInstanceOf(ConfigError);
      expect(error.message).toMatch(/^NEWS_BRIEF_CONTENT_TTL must be a whole number of seconds/);
      expect(error.message).toContain(`got "${value}"`);
    },
  );

  test("clips a long bad value in the message", () => {
    const error = thrown(() => storeConfig({ NEWS_BRIEF_CONTENT: `x${"y".repeat(200)}` }));
    expect(error.message).toContain(`got "x${"y".repeat(59)}…"`);
  });
});

describe("storeFromEnv", () => {
  test("uses the bundled store, with the TTL, when NEWS_BRIEF_CONTENT is unset or bundled", () => {
    const bundled = new MemoryStore({}, "bundled");
    expect(storeFromEnv({ NEWS_BRIEF_CONTENT_TTL: "7" }, () => bundled)).toEqual({
      store: bundled,
      ttlSeconds: 7,
    });
    expect(storeFromEnv({ NEWS_BRIEF_CONTENT: "bundled" }, () => bundled).store).toBe(bundled);
  });

  test("builds an S3Store for s3://bucket/prefix without making the bundled store", () => {
    const bundled = vi.fn(() => new MemoryStore());
    const { store, ttlSeconds } = storeFromEnv(
      {
        NEWS_BRIEF_CONTENT: "s3://clubic-briefs/prod",
        NEWS_BRIEF_CONTENT_TTL: "10",
        NEWS_BRIEF_S3_ENDPOINT: "http://127.0.0.1:9000/",
        AWS_REGION: "eu-west-3",
        AWS_SESSION_TOKEN: "token",
        ...CREDENTIALS,
      },
      bundled,
    );
    expect(bundled).not.toHaveBeenCalled();
    expect(ttlSeconds).toBe(10);
    expect(store).toBeInstanceOf(S3Store);
    expect(store.name).toBe("s3://clubic-briefs/prod");
    expect((store as S3Store).options).toMatchObject({
      bucket: "clubic-briefs",
      prefix: "prod",
      endpoint: "http://127.0.0.1:9000/",
      region: "eu-west-3",
      accessKeyId: "AKIDEXAMPLE",
      secretAccessKey: "secret",
      sessionToken: "token",
    });
  });

  test("defaults the region to AWS_DEFAULT_REGION, then us-east-1, and the endpoint to AWS S3", () => {
    const fromDefault = s3StoreFromEnv("b-1", "", { ...CREDENTIALS, AWS_DEFAULT_REGION: "eu-central-1" });
    expect(fromDefault.options).toMatchObject({ region: "eu-central-1", endpoint: undefined });
    const bare = s3StoreFromEnv("b-1", "", { ...CREDENTIALS, AWS_SESSION_TOKEN: " " });
    expect(bare.options).toMatchObject({ region: "us-east-1", sessionToken: undefined });
    expect(bare.name).toBe("s3://b-1");
  });

  test.each(["ftp://127.0.0.1:9000", "127.0.0.1:9000", "not a url", "file:///tmp"])(
    "refuses NEWS_BRIEF_S3_ENDPOINT=%j with a ConfigError naming the variable",
    (endpoint) => {
      const error = thrown(() =>
        storeFromEnv(
          { NEWS_BRIEF_CONTENT: "s3://briefs/prod", NEWS_BRIEF_S3_ENDPOINT: endpoint, ...CREDENTIALS },
          () => new MemoryStore(),
        ),
      );
      expect(error).toBeInstanceOf(ConfigError);
      expect(error.message).toMatch(/^NEWS_BRIEF_S3_ENDPOINT must be an http\(s\) URL/);
      expect(error.message).toContain(`got "${endpoint}"`);
    },
  );

  test.each([
    ["both missing", {}],
    ["the key missing", { AWS_SECRET_ACCESS_KEY: "secret" }],
    ["the secret missing", { AWS_ACCESS_KEY_ID: "AKIDEXAMPLE" }],
    ["the secret blank", { AWS_ACCESS_KEY_ID: "AKIDEXAMPLE", AWS_SECRET_ACCESS_KEY: "  " }],
  ])("refuses an s3:// store with AWS credentials %s, naming both variables and the bucket", (_, env) => {
    const error = thrown(() =>
      storeFromEnv({ NEWS_BRIEF_CONTENT: "s3://briefs/prod", ...env }, () => new MemoryStore()),
    );
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toMatch(
      /^AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY must be set to read s3:\/\/briefs/,
    );
    expect(error.message).not.toContain("secret");
  });

  test("ignores the S3 variables for the bundled store", () => {
    const bundled = new MemoryStore();
    expect(storeFromEnv({ NEWS_BRIEF_S3_ENDPOINT: "not a url" }, () => bundled).store).toBe(bundled);
  });
});

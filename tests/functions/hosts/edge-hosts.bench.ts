// `npm run bench:vitest`: the Cloudflare, Deno and Bun bundles' sizes, and each runtime's time from start to the
// first 200 of /feed.xml against the same runtime serving a bare hello-world, median of 7, interleaved.
// A warm request on each is benched as well. Read the ratios: the absolute times depend on the machine and on what else it runs.
import { readFileSync, writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { gzipSync } from "node:zlib";
import { Miniflare } from "miniflare";
import { bench, describe } from "vitest";
import { DENO_PERMISSIONS } from "../../../infra/hosts/deno/target.js";
import { PROJECT_ROOT } from "../../serverless/support/offline-process.js";
import { CONFORMANCE_ENV } from "./conformance.js";
import { firstOk, median, spawnToFirstOk } from "./first-response.js";
import type { HostUnderTest } from "./host-under-test.js";
import { CLOUDFLARE_DIR, startWorker, wranglerConfig } from "./miniflare-worker.js";
import { BUN, DENO, DENO_ENV } from "./runtimes.js";
import { spawnHost } from "./spawn-host.js";

const ROUNDS = 7;
const HOSTS = join(PROJECT_ROOT, "dist/hosts");
const HELLO = `export default { fetch: () => new Response("hello") };\n`;
/** Hello-world plus the two Node.js built-ins the app imports: what Node.js compatibility costs by itself. */
const HELLO_NODE = `import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";
export default { fetch: () => new Response(createHash("sha256").update(gzipSync("hello")).digest("hex")) };
`;

const hello = await mkdtemp(join(tmpdir(), "news-brief-hello-"));
writeFileSync(join(hello, "hello.mjs"), HELLO);
writeFileSync(join(hello, "hello-node.mjs"), HELLO_NODE);

/** Miniflare starting workerd over `script` (one ES module), with wrangler.jsonc's date and flags. */
async function workerd(script: string, path: string): Promise<number> {
  const config = wranglerConfig();
  const started = performance.now();
  const worker = new Miniflare({
    modules: [{ type: "ESModule", path: script, contents: readFileSync(script, "utf8") }],
    // workerd names modules relative to this root and refuses paths above it.
    modulesRoot: dirname(script),
    compatibilityDate: config.compatibility_date,
    compatibilityFlags: config.compatibility_flags,
    bindings: { ...config.vars, ...CONFORMANCE_ENV },
    host: "127.0.0.1",
    port: 0,
    unsafeDirectSockets: [{ host: "127.0.0.1", port: 0 }],
  });
  try {
    await worker.ready;
    const origin = (await worker.unsafeGetDirectURL()).origin;
    await firstOk(() => origin, path);
    return performance.now() - started;
  } finally {
    await worker.dispose();
  }
}

const deno = (dir: string, file: string, path: string) =>
  spawnToFirstOk(
    DENO,
    ["serve", "--port", "{port}", "--host", "127.0.0.1", ...DENO_PERMISSIONS, file],
    path,
    {
      cwd: dir,
      env: { ...DENO_ENV, ...CONFORMANCE_ENV },
    },
  );
const bun = (dir: string, file: string, path: string) =>
  spawnToFirstOk(BUN, [file], path, { cwd: dir, env: { ...CONFORMANCE_ENV, HOST: "127.0.0.1" } });

type Subject = "hello" | "hello + node:*" | "news-brief";
const subjects: Record<string, Record<Subject, () => Promise<number>>> = {
  "Cloudflare (workerd)": {
    hello: () => workerd(join(hello, "hello.mjs"), "/"),
    "hello + node:*": () => workerd(join(hello, "hello-node.mjs"), "/"),
    "news-brief": () => workerd(join(CLOUDFLARE_DIR, wranglerConfig().main), "/feed.xml"),
  },
  "Deno (deno serve)": {
    hello: () => deno(hello, "hello.mjs", "/"),
    "hello + node:*": () => deno(hello, "hello-node.mjs", "/"),
    "news-brief": () => deno(join(HOSTS, "deno"), "server.mjs", "/feed.xml"),
  },
  Bun: {
    hello: () => bun(hello, "hello.mjs", "/"),
    "hello + node:*": () => bun(hello, "hello-node.mjs", "/"),
    "news-brief": () => bun(join(HOSTS, "bun"), "server.mjs", "/feed.xml"),
  },
};

const times: Record<string, number[]> = {};
for (let round = 0; round < ROUNDS; round++) {
  for (const [host, pair] of Object.entries(subjects)) {
    for (const [name, run] of Object.entries(pair)) {
      const key = `${host}: ${name}`;
      times[key] = [...(times[key] ?? []), await run()];
    }
  }
}
await rm(hello, { recursive: true, force: true });

const bundles = { cloudflare: "worker.mjs", deno: "server.mjs", bun: "server.mjs" };
console.table(
  Object.entries(bundles).map(([host, file]) => {
    const bytes = readFileSync(join(HOSTS, host, file));
    return { host, file, bytes: bytes.byteLength, gzip: gzipSync(bytes).byteLength };
  }),
);
console.table(
  Object.entries(subjects).map(([host]) => {
    const bare = median(times[`${host}: hello`] ?? []);
    const node = median(times[`${host}: hello + node:*`] ?? []);
    const ours = median(times[`${host}: news-brief`] ?? []);
    return {
      host,
      "hello-world (ms)": Math.round(bare),
      "hello + node:* (ms)": Math.round(node),
      "news-brief (ms)": Math.round(ours),
      ratio: Number((ours / bare).toFixed(2)),
    };
  }),
);

// A warm request on each runtime, one runtime running at a time (vitest runs no hooks around benches: each
// bench starts its host in its setup and stops it after its run).
const starters: Record<string, () => Promise<HostUnderTest>> = {
  cloudflare: () => startWorker({ vars: CONFORMANCE_ENV }),
  deno: () =>
    spawnHost({
      command: DENO,
      args: ["serve", "--port", "{port}", "--host", "127.0.0.1", ...DENO_PERMISSIONS, "server.mjs"],
      cwd: join(HOSTS, "deno"),
      env: { ...DENO_ENV, ...CONFORMANCE_ENV },
    }),
  bun: () =>
    spawnHost({
      command: BUN,
      args: ["server.mjs"],
      cwd: join(HOSTS, "bun"),
      env: { ...CONFORMANCE_ENV, HOST: "127.0.0.1" },
    }),
};

describe("warm GET /feed.xml in Brotli, over loopback", () => {
  for (const [name, start] of Object.entries(starters)) {
    let host: HostUnderTest | undefined;
    bench(
      name,
      async () => {
        if (!host) throw new Error(`${name} is not running`);
        const answer = await host.request("/feed.xml", { headers: { "Accept-Encoding": "br" } });
        if (answer.status !== 200) throw new Error(`${name} answered ${answer.status}`);
      },
      {
        time: 2_000,
        setup: async () => {
          host ??= await start();
        },
        teardown: async (_task, mode) => {
          if (mode !== "run") return;
          await host?.stop();
          host = undefined;
        },
      },
    );
  }
});

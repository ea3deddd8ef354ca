// Time from starting a host to its first 200, for the start-up benches: polled every 5 ms, bounded.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { freePort } from "../../serverless/support/offline-process.js";
import { requestOverHttp } from "./host-under-test.js";

/** Asks `origin` + `path` until it answers 200; returns when it does. Throws past `timeoutMs`. */
export async function firstOk(
  origin: () => string | undefined,
  path: string,
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const base = origin();
    if (base) {
      const answer = await requestOverHttp(base, path).catch(() => undefined);
      if (answer?.status === 200) return;
    }
    if (performance.now() > deadline) throw new Error(`no 200 from ${path} in ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Milliseconds from spawning `command` (PORT set, `{port}` filled in) to its first 200 on `path`; then stops it. */
export async function spawnToFirstOk(
  command: string,
  args: string[],
  path: string,
  options: { cwd?: string; env?: Record<string, string> } = {},
): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(
    command,
    args.map((arg) => arg.replaceAll("{port}", String(port))),
    { cwd: options.cwd, env: { ...process.env, ...options.env, PORT: String(port) }, stdio: "ignore" },
  );
  try {
    await firstOk(() => (child.exitCode === null ? `http://127.0.0.1:${port}` : undefined), path);
    return performance.now() - started;
  } finally {
    child.kill("SIGKILL");
    if (child.exitCode === null && child.signalCode === null) await once(child, "exit");
  }
}

/** The median of `values`. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

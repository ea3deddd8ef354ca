// Measures for the host benches: a bundle's size, and the time from spawning a runtime to its first 200,
// median of several runs interleaved with the runtime's own hello-world so that both see the same machine.
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { freePort } from "../../serverless/support/offline-process.js";
import { requestOverHttp } from "./host-under-test.js";

/** Bytes of `file`, raw and gzip (level 9). */
export function bundleSize(file: string): { raw: number; gzip: number } {
  const bytes = readFileSync(file);
  return { raw: bytes.byteLength, gzip: gzipSync(bytes, { level: 9 }).byteLength };
}

/** One start: the child, and a probe that resolves true once it has answered 200. */
export interface ColdStart {
  /** The program and its arguments; `{port}` is replaced by a free port, chosen before the clock starts. */
  command: string;
  args: string[];
  env?: Record<string, string>;
  cwd?: string;
  /** Resolves true once the child has answered 200; asked every 5 ms until then. */
  answered(origin: string, output: () => string, child: ChildProcess): Promise<boolean>;
}

/** A probe for runtimes that serve HTTP: GET `path` answers 200. */
export function answersOver(path: string): ColdStart["answered"] {
  return (origin) =>
    requestOverHttp(origin, path).then(
      (answer) => answer.status === 200,
      () => false,
    );
}

/** Milliseconds from spawning `start` to its first 200; the child is stopped afterwards. */
export async function timeToFirstResponse(start: ColdStart, timeoutMs = 30_000): Promise<number> {
  const port = String(await freePort());
  const origin = `http://127.0.0.1:${port}`;
  const began = performance.now();
  const child = spawn(
    start.command,
    start.args.map((arg) => arg.replaceAll("{port}", port)),
    {
      cwd: start.cwd,
      env: { ...process.env, ...start.env, PORT: port },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    output += chunk;
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    output += chunk;
  });
  try {
    for (;;) {
      if (await start.answered(origin, () => output, child)) return performance.now() - began;
      if (child.exitCode !== null)
        throw new Error(`${start.command} exited with ${child.exitCode}:\n${output}`);
      if (performance.now() - began > timeoutMs)
        throw new Error(`${start.command} did not answer:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  } finally {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGKILL");
      await once(child, "exit");
    }
  }
}

/** Median milliseconds of `rounds` starts of each subject, one of each per round. */
export async function medianStarts(
  subjects: Record<string, ColdStart>,
  rounds = 7,
): Promise<Record<string, number>> {
  const times: Record<string, number[]> = Object.fromEntries(Object.keys(subjects).map((name) => [name, []]));
  for (let round = 0; round < rounds; round++) {
    for (const [name, subject] of Object.entries(subjects))
      times[name]?.push(await timeToFirstResponse(subject));
  }
  return Object.fromEntries(Object.entries(times).map(([name, list]) => [name, median(list)]));
}

/** Prints one host's numbers as the benches report them. */
export function report(
  host: string,
  size: { raw: number; gzip: number },
  medians: Record<string, number>,
): void {
  const [ours, baseline] = Object.values(medians);
  const lines = Object.entries(medians).map(([name, ms]) => `  ${name}: ${ms.toFixed(0)} ms`);
  console.log(`${host}
  bundle: ${size.raw} bytes raw, ${size.gzip} bytes gzip
  time to first 200, median of 7, interleaved:
${lines.join("\n")}
  ratio: ${((ours ?? Number.NaN) / (baseline ?? Number.NaN)).toFixed(2)}×`);
}

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
export function spawnToFirstOk(
  command: string,
  args: string[],
  path: string,
  options: { cwd?: string; env?: Record<string, string> } = {},
): Promise<number> {
  return timeToFirstResponse({ command, args, ...options, answered: answersOver(path) });
}

/** The median of `values`. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

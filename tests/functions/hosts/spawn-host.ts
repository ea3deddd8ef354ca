// Starts a host's real runtime as a child process on a free loopback port, and stops it.
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { freePort } from "../../serverless/support/offline-process.js";
import { type HostUnderTest, requestOverHttp } from "./host-under-test.js";

/** How to run one host. */
export interface HostCommand {
  /** The program and its arguments; `{port}` in an argument is replaced by the port chosen. */
  command: string;
  args: string[];
  cwd?: string;
  /** Added to the environment, along with PORT. `{port}` in a value is replaced as well. */
  env?: Record<string, string>;
  /** Default 60 s: the first start of a runtime can be slow on a busy machine. */
  timeoutMs?: number;
}

/** Runs `host` and waits until it answers HTTP on 127.0.0.1; its output is kept for the error message. */
export async function spawnHost(
  host: HostCommand,
): Promise<HostUnderTest & { origin: string; output(): string }> {
  const port = await freePort();
  const fill = (text: string) => text.replaceAll("{port}", String(port));
  const child = spawn(host.command, host.args.map(fill), {
    cwd: host.cwd,
    env: {
      ...process.env,
      ...Object.fromEntries(Object.entries(host.env ?? {}).map(([k, v]) => [k, fill(v)])),
      PORT: String(port),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => {
    output += chunk;
  });
  child.stderr.on("data", (chunk: Buffer) => {
    output += chunk;
  });
  const origin = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
    await once(child, "exit");
    clearTimeout(timer);
  };
  await untilServing(origin, host.command, child, stop, async () => output, host.timeoutMs);
  return { origin, request: (path, init) => requestOverHttp(origin, path, init), stop, output: () => output };
}

/** Waits until `origin` answers a HEAD, failing with the process's output if it exits or the time runs out. */
export async function untilServing(
  origin: string,
  command: string,
  child: ChildProcess,
  stop: () => Promise<void>,
  output: () => Promise<string>,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`${command} exited with ${child.exitCode}:\n${await output()}`);
    try {
      await requestOverHttp(origin, "/", { method: "HEAD" });
      return;
    } catch {
      if (Date.now() > deadline) {
        await stop();
        throw new Error(`${command} did not answer on ${origin} in time:\n${await output()}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

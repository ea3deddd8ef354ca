// The Node server (dist/server.mjs, what `npm start` runs) as a child process on loopback, and its resident memory.
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import { promisify } from "node:util";

/** A running server process. */
export interface ServerProcess {
  /** `http://127.0.0.1:<port>`. */
  url: string;
  pid: number;
  /** The lines it wrote to stdout and stderr after starting: warnings and errors only (it logs at `warn`). */
  readonly lines: string[];
  /** Its resident set size now, in bytes. */
  rss(): Promise<number>;
  /** Stops it (SIGTERM) and waits for it to exit. */
  stop(): Promise<void>;
}

/** How long the server may take to print its address. */
const START_TIMEOUT_MS = 30_000;

/**
 * Starts `node <script>` on 127.0.0.1 with a port the system picks, with `env` added to a minimal environment.
 * The server logs at `warn`: its request lines would come through a pipe into this process, which shares the
 * machine with it, while any warning or error is still seen (in `lines`).
 */
export async function startServerProcess(
  script: string,
  env: Record<string, string> = {},
): Promise<ServerProcess> {
  const child = spawn(process.execPath, [script], {
    env: {
      PATH: process.env.PATH ?? "",
      PORT: "0",
      HOST: "127.0.0.1",
      NEWS_BRIEF_LOG_LEVEL: "warn",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: string[] = [];
  const output: string[] = [];
  let url: string | undefined;
  // After the banner, stdout carries JSON log lines only; stderr anything the process prints, a crash included.
  const watch = (stream: NodeJS.ReadableStream, keep: (line: string) => boolean) => {
    let rest = "";
    stream.setEncoding("utf8");
    stream.on("data", (chunk: string) => {
      const parts = (rest + chunk).split("\n");
      rest = parts.pop() ?? "";
      for (const line of parts) {
        if (url === undefined) output.push(line);
        else if (keep(line)) lines.push(line);
      }
    });
  };
  watch(child.stdout, (line) => line.startsWith("{"));
  watch(child.stderr, (line) => line.trim() !== "");
  url = await new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const address = output.join("\n").match(/is serving .* on (http:\/\/127\.0\.0\.1:\d+)/)?.[1];
      if (address) finish(() => resolve(address));
      else if (Date.now() - started > START_TIMEOUT_MS) fail("printed no address in time");
    }, 20);
    const started = Date.now();
    const finish = (settle: () => void) => {
      clearInterval(timer);
      child.off("exit", exited);
      settle();
    };
    const fail = (why: string) =>
      finish(() => {
        child.kill();
        reject(new Error(`the server ${why}:\n${output.join("\n")}`));
      });
    const exited = (code: number | null) => fail(`exited (${code}) before it served`);
    child.once("exit", exited);
  });
  // Anything it said on stderr before its banner (content it cannot read yet) is a problem too.
  if (output.some((line) => /cannot/.test(line))) lines.push(...output.filter((line) => /cannot/.test(line)));
  return {
    url,
    pid: child.pid as number,
    lines,
    rss: () => residentMemory(child.pid as number),
    stop: () => stop(child),
  };
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

/** A process's resident set size in bytes: VmRSS from /proc on Linux, else what `ps` reports. */
export async function residentMemory(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, "utf8").catch(() => undefined);
  const kilobytes = status && /^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1];
  if (kilobytes) return Number(kilobytes) * 1024;
  const { stdout } = await promisify(execFile)("ps", ["-o", "rss=", "-p", String(pid)]);
  return Number(stdout.trim()) * 1024;
}

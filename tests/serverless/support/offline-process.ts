// Runs `osls offline start` on free ports, as `npm run offline` does, and stops it.
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";

/** The project root, where serverless.yml lives. */
export const PROJECT_ROOT = fileURLToPath(new URL("../../../", import.meta.url));

/** A running serverless-offline and the address its HTTP API answers on. */
export interface RunningOffline {
  url: string;
  /** What it printed so far, handlers' output included. */
  output(): string;
  stop(): Promise<void>;
}

/** Options of startOffline. */
export interface OfflineOptions {
  /** Environment of the process; default process.env. */
  env?: NodeJS.ProcessEnv;
  /** How long to wait for "Server ready"; default 45 s. */
  timeoutMs?: number;
  /** The Node.js binary that runs it, and so its handlers' worker threads; default this process's. */
  node?: string;
}

/** A port nothing listens on right now. */
export async function freePort(): Promise<number> {
  const server = createServer().listen(0, "localhost");
  await once(server, "listening");
  const address = server.address();
  server.close();
  if (address === null || typeof address === "string")
    throw new Error("could not read the port of a probe server");
  return address.port;
}

/** Starts serverless-offline and resolves once it prints "Server ready"; on failure, stops it and says what it printed. */
export async function startOffline({
  env = process.env,
  timeoutMs = 45_000,
  node = process.execPath,
}: OfflineOptions = {}): Promise<RunningOffline> {
  const ports = { httpPort: await freePort(), lambdaPort: await freePort() };
  const args = [
    "--require",
    fileURLToPath(new URL("./report-runtime.cjs", import.meta.url)),
    "node_modules/osls/bin/serverless.js",
    "offline",
    "start",
  ];
  for (const [option, port] of Object.entries(ports)) args.push(`--${option}`, String(port));
  // One process: serverless-offline runs Node.js handlers in worker threads, so there is no tree to reap.
  const child = spawn(node, args, { cwd: PROJECT_ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  const output: string[] = [];
  for (const stream of [child.stdout, child.stderr])
    stream?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  try {
    const url = await readyUrl(child, output, timeoutMs);
    return { url, output: () => output.join(""), stop: () => stop(child) };
  } catch (error) {
    await stop(child);
    throw new Error(`${(error as Error).message}; it printed:\n${output.join("")}`, { cause: error });
  }
}

function readyUrl(child: ChildProcess, output: string[], timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`serverless-offline was not ready after ${timeoutMs} ms`)),
      timeoutMs,
    );
    const check = () => {
      const ready = /Server ready: (http:\/\/\S+?)\/? /.exec(output.join(""));
      if (!ready?.[1]) return;
      clearTimeout(timer);
      resolve(ready[1]);
    };
    child.stdout?.on("data", check);
    child.stderr?.on("data", check);
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`serverless-offline exited (${signal ?? code}) before it was ready`));
    });
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, "exit");
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
  await exited;
  clearTimeout(timer);
}

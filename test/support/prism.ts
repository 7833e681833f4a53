/**
 * Starts Stoplight Prism (`@stoplight/prism-cli`, a devDependency) as a child process on a free port
 * for side-by-side tests, waits until it answers HTTP, and stops it again. One Prism serves one contract.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import { createServer, request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";
import { dirname, resolve } from "node:path";

export interface PrismOptions {
  /** How often to ask whether Prism answers yet. */
  pollMs?: number;
  /** Give up (and kill it) when Prism has not answered after this long. */
  readyTimeoutMs?: number;
  /** Tries with a new free port when Prism exits before answering (a port taken in between). */
  attempts?: number;
  host?: string;
}

export interface RunningPrism {
  url: string;
  port: number;
  contract: string;
  /** The last lines Prism wrote, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

const require = createRequire(import.meta.url);

/** The CLI's entry script, run with this Node (no shell, no reliance on node_modules/.bin). */
export function prismEntry(): string {
  const packageJson = require.resolve("@stoplight/prism-cli/package.json");
  const { bin } = require(packageJson) as { bin: string | Record<string, string> };
  const relative = typeof bin === "string" ? bin : bin.prism;
  if (!relative) throw new Error("@stoplight/prism-cli declares no `prism` bin");
  return resolve(dirname(packageJson), relative);
}

/** A port that was free a moment ago: bind port 0, read it, release it. */
export function freePort(host = "127.0.0.1"): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, host, () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolvePort(port));
    });
  });
}

export async function startPrism(contract: string, options: PrismOptions = {}): Promise<RunningPrism> {
  const attempts = options.attempts ?? 3;
  let lastError: unknown;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      return await startOnce(contract, options);
    } catch (error) {
      lastError = error;
      if (!(error instanceof PrismExitedEarly)) break;
    }
  }
  throw lastError;
}

class PrismExitedEarly extends Error {}

async function startOnce(contract: string, options: PrismOptions): Promise<RunningPrism> {
  const host = options.host ?? "127.0.0.1";
  const pollMs = options.pollMs ?? 100;
  const readyTimeoutMs = options.readyTimeoutMs ?? 30_000;
  const port = await freePort(host);
  const url = `http://${host}:${port}`;
  const child = spawn(
    process.execPath,
    [prismEntry(), "mock", contract, "-p", String(port), "-h", host, "-v", "warn"],
    {
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, FORCE_COLOR: "0", NO_COLOR: "1" },
    },
  );
  const tail = outputTail(child);
  let exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  const exited = new Promise<void>((resolveExit) => {
    child.once("exit", (code, signal) => {
      exit = { code, signal };
      resolveExit();
    });
  });
  const stop = async () => {
    if (exit) return;
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
    await exited;
    clearTimeout(timer);
  };

  const deadline = Date.now() + readyTimeoutMs;
  for (;;) {
    if (exit)
      throw new PrismExitedEarly(
        `Prism exited (${exit.code ?? exit.signal}) before answering on ${url} for ${contract}:\n${tail()}`,
      );
    if (await answers(url, pollMs * 5)) break;
    if (Date.now() >= deadline) {
      await stop();
      throw new Error(`Prism did not answer on ${url} for ${contract} within ${readyTimeoutMs} ms:\n${tail()}`);
    }
    await delay(pollMs);
  }
  return { url, port, contract, output: tail, stop };
}

/** Any HTTP answer at all (a 404 for this made-up path included) means the server is up. */
function answers(url: string, timeoutMs: number): Promise<boolean> {
  return new Promise((resolveAnswer) => {
    const req = httpRequest(
      `${url}/__mockpact_readiness_probe__`,
      { method: "GET", agent: false, timeout: timeoutMs },
      (res) => {
        res.resume();
        resolveAnswer(true);
      },
    );
    req.on("timeout", () => req.destroy());
    req.on("error", () => resolveAnswer(false));
    req.end();
  });
}

function outputTail(child: ChildProcess, maxChars = 4_000): () => string {
  let text = "";
  const keep = (chunk: Buffer) => {
    text = (text + chunk.toString("utf8")).slice(-maxChars);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  return () => text;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolveDelay) => setTimeout(resolveDelay, ms));
}

import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

const BIN = new URL("../../bin/mockpact.js", import.meta.url).pathname;

/** Runs the built CLI (bin/mockpact.js) to completion; `env` adds to (or overrides) this process's environment. */
export async function runCli(args: string[], timeoutMs = 20_000, env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  const child = spawn(process.execPath, [BIN, ...args], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, NO_COLOR: "1", ...env },
  });
  const out = collect(child);
  const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
  const [code] = (await once(child, "exit")) as [number | null];
  clearTimeout(timer);
  return { code, ...out() };
}

/** Starts the CLI and resolves once stdout says it listens, with the URL it printed. */
export async function startCli(
  args: string[],
  timeoutMs = 20_000,
  env: NodeJS.ProcessEnv = {},
): Promise<{ child: ChildProcess; url: string; output: () => { stdout: string; stderr: string } }> {
  const child = spawn(process.execPath, [BIN, ...args], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, NO_COLOR: "1", ...env },
  });
  const output = collect(child);
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no "listening" line within ${timeoutMs} ms:\n${output().stderr}`)),
      timeoutMs,
    );
    child.stdout!.on("data", () => {
      const match = /listening on (https?:\/\/\S+)/.exec(output().stdout);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.once("exit", (code) => reject(new Error(`exited with ${code} before listening:\n${output().stderr}`)));
  });
  return { child, url, output };
}

function collect(child: ChildProcess): () => { stdout: string; stderr: string } {
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return () => ({ stdout, stderr });
}

/**
 * Benchmarked servers run as child processes of their own, so their CPU and memory are theirs and
 * not the load generator's. With `--pin` (Linux, taskset, two CPUs or more) the servers are pinned to
 * the last CPU and the bench process (the load generator) to the first.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { request } from "node:http";

export interface Pinning {
  /** The CPU the servers run on, or undefined when nothing is pinned. */
  serverCpu: number | undefined;
  benchCpu: number | undefined;
}

/** Pins this process to CPU 0 and returns where servers go; `enabled: false` or no taskset pins nothing. */
export function setUpPinning(enabled: boolean): Pinning {
  const cpus = availableParallelism();
  if (!enabled || cpus < 2 || process.platform !== "linux") return { serverCpu: undefined, benchCpu: undefined };
  const pinned = spawnSync("taskset", ["-cp", "0", String(process.pid)], { stdio: "ignore" });
  if (pinned.status !== 0) return { serverCpu: undefined, benchCpu: undefined };
  return { serverCpu: cpus - 1, benchCpu: 0 };
}

export interface ServerProcess {
  child: ChildProcess;
  pid: number;
  /** The last output lines, for error messages. */
  output(): string;
  exited(): boolean;
  stop(): Promise<void>;
}

/** Starts `node <args>` (pinned when asked); output is kept, not shown. */
export function spawnNode(args: string[], pinning: Pinning, cwd = process.cwd()): ServerProcess {
  return spawnProgram(process.execPath, args, pinning, cwd);
}

/** Starts any program (java for WireMock) the way spawnNode starts node. */
export function spawnProgram(program: string, args: string[], pinning: Pinning, cwd = process.cwd()): ServerProcess {
  const [command, commandArgs] =
    pinning.serverCpu === undefined
      ? [program, args]
      : ["taskset", ["-c", String(pinning.serverCpu), program, ...args]];
  const child = spawn(command, commandArgs, {
    cwd,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, FORCE_COLOR: "0", NO_COLOR: "1" },
  });
  let text = "";
  const keep = (chunk: Buffer) => (text = (text + chunk.toString("utf8")).slice(-4000));
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  let done = false;
  const exit = new Promise<void>((resolve) => child.once("exit", () => ((done = true), resolve())));
  const stop = async () => {
    if (done) return;
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
    await exit;
    clearTimeout(timer);
  };
  return { child, pid: child.pid ?? -1, output: () => text, exited: () => done, stop };
}

/** Clock ticks per second of /proc/<pid>/stat's CPU times (`getconf CLK_TCK`, 100 nearly everywhere). */
const TICKS_PER_SECOND = Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout?.trim()) || 100;

/**
 * CPU time (user + system) a process has used, in microseconds; undefined off Linux. Per request, it
 * is the figure that holds on a busy machine, where req/s also measures whoever else runs.
 */
export function cpuMicrosOf(pid: number): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return ((Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND) * 1e6;
  } catch {
    return undefined;
  }
}

/**
 * Waits until a process is idle: less than `busyShare` of one CPU used over the last `quietMs`
 * (mockpact checks every example of a contract in the background after it starts listening; load
 * measured meanwhile would measure that too). Resolves with the milliseconds waited, or undefined at
 * `boundMs` or when the CPU time cannot be read.
 */
export async function waitUntilIdle(
  pid: number,
  boundMs: number,
  quietMs = 500,
  busyShare = 0.05,
): Promise<number | undefined> {
  const started = performance.now();
  const samples: Array<{ at: number; cpu: number }> = [];
  while (performance.now() - started < boundMs) {
    const cpu = cpuMicrosOf(pid);
    if (cpu === undefined) return undefined;
    const at = performance.now();
    samples.push({ at, cpu });
    const old = samples.find((sample) => at - sample.at <= quietMs + 100 && at - sample.at >= quietMs);
    if (old && (cpu - old.cpu) / 1000 < (at - old.at) * busyShare) return at - started;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return undefined;
}

/** Resident set size of a process in bytes (Linux /proc, else `ps`); undefined when it is gone. */
export function rssOf(pid: number): number | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1];
    if (kb) return Number(kb) * 1024;
  } catch {
    // not Linux, or the process has exited: ask ps
  }
  const ps = spawnSync("ps", ["-o", "rss=", "-p", String(pid)], { encoding: "utf8" });
  const kb = Number(ps.stdout.trim());
  return ps.status === 0 && kb > 0 ? kb * 1024 : undefined;
}

/**
 * Polls `url` until any HTTP answer comes back, the process exits, or `boundMs` passes. Resolves with
 * the milliseconds since `startedAt` at the first answer, or undefined on time-out or exit.
 */
export async function firstAnswer(
  url: string,
  server: ServerProcess,
  startedAt: number,
  boundMs: number,
  pollMs = 20,
): Promise<number | undefined> {
  while (!server.exited()) {
    if (await answers(url, 1_000)) return performance.now() - startedAt;
    if (performance.now() - startedAt > boundMs) return undefined;
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
  return undefined;
}

function answers(url: string, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request(url, { agent: false, timeout: timeoutMs }, (res) => {
      res.resume();
      resolve(true);
    });
    req.on("timeout", () => req.destroy());
    req.on("error", () => resolve(false));
    req.end();
  });
}

/** Waits for a line on the child's stdout matching `pattern` (with a bound), e.g. the bare server's port. */
export function waitForLine(server: ServerProcess, pattern: RegExp, boundMs: number): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    let seen = "";
    const timer = setTimeout(
      () => done(new Error(`no line matching ${pattern} within ${boundMs} ms:\n${server.output()}`)),
      boundMs,
    );
    const onData = (chunk: Buffer) => {
      seen += chunk.toString("utf8");
      const match = pattern.exec(seen);
      if (match) done(match);
    };
    const onExit = () => done(new Error(`exited before printing ${pattern}:\n${server.output()}`));
    const done = (result: RegExpExecArray | Error) => {
      clearTimeout(timer);
      server.child.stdout?.off("data", onData);
      server.child.off("exit", onExit);
      if (result instanceof Error) reject(result);
      else resolve(result);
    };
    server.child.stdout?.on("data", onData);
    server.child.once("exit", onExit);
  });
}

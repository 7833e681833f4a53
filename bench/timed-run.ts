/** One command of a scaling curve, as users run it: a process of its own, timed from spawn to exit, within a bound. */
import { performance } from "node:perf_hooks";
import { spawnNode, type Pinning } from "./processes.js";

export interface TimedRun {
  ms: number;
  /** The last output lines (stdout and stderr), for figures a command prints. */
  output: string;
}

/** Spawn to exit of `node <args>`; a text saying why when it failed or outran its bound ("timed out after N s"). */
export async function timeRun(args: string[], boundMs: number, pinning: Pinning): Promise<TimedRun | string> {
  const started = performance.now();
  const child = spawnNode(args, pinning);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    void child.stop();
  }, boundMs);
  const code = await new Promise<number | null>((done) =>
    child.exited() ? done(child.child.exitCode) : child.child.once("exit", done),
  );
  clearTimeout(timer);
  const ms = performance.now() - started;
  if (timedOut) return `timed out after ${boundMs / 1000} s`;
  if (code !== 0) return `exit ${code}: ${child.output().trim().split("\n").slice(-2).join(" / ").slice(0, 200)}`;
  return { ms, output: child.output() };
}

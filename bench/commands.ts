/**
 * Wall time of the one-shot commands, as users run them (`node bin/mockpact.js ...`):
 * `mockpact fixtures --status all` on github-api and `mockpact verify` on the example pacts.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { startExampleProvider } from "../test/support/example-provider.js";
import { spawnNode, type Pinning } from "./processes.js";
import type { Plan } from "./plan.js";
import { CONTRACTS } from "./scenarios.js";
import { median } from "./stats.js";

export interface CommandFigures {
  command: string;
  samplesMs: number[];
  medianMs?: number;
  /** "not available" when the CLI has no such command yet; otherwise why it failed. */
  failure?: string;
}

const BIN = resolve("bin/mockpact.js");

interface Ran {
  code: number | null;
  ms: number;
  output: string;
  timedOut: boolean;
}

async function runCli(args: string[], cwd: string, boundMs: number, pinning: Pinning): Promise<Ran> {
  const startedAt = performance.now();
  const child = spawnNode([BIN, ...args], pinning, cwd);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    void child.stop();
  }, boundMs);
  const code = await new Promise<number | null>((resolveExit) => {
    if (child.exited()) resolveExit(child.child.exitCode);
    else child.child.once("exit", (exitCode) => resolveExit(exitCode));
  });
  clearTimeout(timer);
  return { code, ms: performance.now() - startedAt, output: child.output(), timedOut };
}

/** `mockpact fixtures` is new: its absence is a row saying so, not a failed benchmark. */
export async function timeFixtures(plan: Plan, pinning: Pinning): Promise<CommandFigures> {
  const contract = plan.contracts.includes("github") ? "github" : plan.contracts[0]!;
  const figures: CommandFigures = {
    command: `mockpact fixtures --status all (${CONTRACTS[contract].label.split(" ")[0]})`,
    samplesMs: [],
  };
  const help = await runCli(["fixtures", "--help"], process.cwd(), 10_000, pinning);
  if (help.code !== 0 || !/Usage: mockpact fixtures/.test(help.output))
    return { ...figures, failure: "not available (no `fixtures` command in this build)" };
  const out = await mkdtemp(join(tmpdir(), "mockpact-bench-fixtures-"));
  try {
    const outFlag = /--out\b/.test(help.output)
      ? ["--out", out]
      : /--output\b/.test(help.output)
        ? ["--output", out]
        : [];
    const ran = await runCli(
      ["fixtures", CONTRACTS[contract].file, "--status", "all", ...outFlag],
      out,
      plan.commandBoundMs,
      pinning,
    );
    if (ran.timedOut) return { ...figures, failure: `timed out after ${plan.commandBoundMs / 1000} s` };
    if (ran.code !== 0)
      return {
        ...figures,
        failure: `exit ${ran.code}: ${ran.output.trim().split("\n").slice(-3).join(" / ").slice(0, 300)}`,
      };
    return { ...figures, samplesMs: [ran.ms], medianMs: ran.ms };
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}

/** The README walk-through: the example provider, its three pacts and contracts/shop.yaml. */
export async function timeVerify(plan: Plan, pinning: Pinning): Promise<CommandFigures> {
  const figures: CommandFigures = {
    command: "mockpact verify (fixtures/pacts: 3 pacts, 11 interactions)",
    samplesMs: [],
  };
  const provider = await startExampleProvider();
  try {
    for (let run = 0; run < plan.verifyRuns; run++) {
      const args = [
        "verify",
        "--provider-base-url",
        provider.url,
        "--pact",
        "fixtures/pacts",
        "--contract",
        "contracts/shop.yaml",
        "--states-url",
        `${provider.url}/_pact/states`,
      ]; // as the README runs it: the pacts carry the consumers' own token
      const ran = await runCli(args, process.cwd(), plan.commandBoundMs, pinning);
      if (ran.timedOut) return { ...figures, failure: `timed out after ${plan.commandBoundMs / 1000} s` };
      if (ran.code !== 0)
        return {
          ...figures,
          failure: `exit ${ran.code}: ${ran.output.trim().split("\n").slice(-3).join(" / ").slice(0, 300)}`,
        };
      figures.samplesMs.push(ran.ms);
    }
  } finally {
    await provider.close();
  }
  return { ...figures, medianMs: median(figures.samplesMs) };
}

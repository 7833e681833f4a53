/** The whole result of one run, as written to bench/results/<date>.json. */
import { mkdir, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { CommandFigures } from "./commands.js";
import type { Machine } from "./machine.js";
import type { Plan } from "./plan.js";
import type { ContractKey, ServerKind } from "./scenarios.js";
import type { StartupFigures } from "./startup.js";
import type { ThroughputFigures } from "./throughput.js";

export interface MemoryFigures {
  contract: ContractKey;
  server: Exclude<ServerKind, "bare">;
  /** Highest RSS sampled while the server was under load. */
  peakUnderLoadBytes?: number;
  /** RSS read once the load of the contract was over. */
  afterLoadBytes?: number;
}

export interface BenchResult {
  startedAt: string;
  durationSeconds: number;
  machine: Machine;
  /** The machine's 1-minute load average when the run started and ended (each figure carries its own too). */
  load: { atStart: number; atEnd: number };
  plan: Plan;
  /** Where servers and the load generator ran ("unpinned" when they share every CPU). */
  pinning: string;
  scenarios: Array<{ id: string; contract: ContractKey; label: string; kind: string }>;
  throughput: ThroughputFigures[];
  startup: StartupFigures[];
  memory: MemoryFigures[];
  commands: CommandFigures[];
  goals: GoalVerdict[];
}

export interface GoalVerdict {
  goal: string;
  figure: string;
  /** undefined when the figures needed are missing (a server that did not start, a skipped row). */
  met: boolean | undefined;
  /** The machine's 1-minute load average while the figure was measured. */
  load?: number;
}

export type ServerFigures = Partial<Record<ServerKind, ThroughputFigures>>;

/** Written whole or not at all: a temporary file, then a rename in the same folder. */
export async function writeResult<Result extends { startedAt: string }>(
  result: Result,
  folder = "bench/results",
): Promise<string> {
  await mkdir(folder, { recursive: true });
  const file = join(folder, `${result.startedAt.replace(/:/g, "-").replace(/\.\d+Z$/, "Z")}.json`);
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(result, null, 2)}\n`);
  await rename(temporary, file);
  return file;
}

/**
 * Compat time against the number of pacts: 10 / 100 / 1,000 generated consumer pacts against one
 * synthetic contract, checked by `mockpact compat` (one process for the folder, as users run it) and
 * by PactFlow's swagger-mock-validator (its library in one process, one `validate` call per pact, as
 * its API takes them: bench/smv-compat.mjs). Both are timed from spawn to exit, one after the other,
 * with the load average beside each size. A checker that timed out is not run again on more pacts.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { loadAverage } from "./machine.js";
import type { ScalePlan } from "./plan.js";
import type { Pinning } from "./processes.js";
import { writeSyntheticContract } from "./synthetic-contract.js";
import { writeSyntheticPacts } from "./synthetic-pacts.js";
import { timeRun } from "./timed-run.js";

export const COMPAT_RUNNERS = ["mockpact compat", "swagger-mock-validator"] as const;
export type CompatRunner = (typeof COMPAT_RUNNERS)[number];

export interface CompatRow {
  pacts: number;
  interactions: number;
  /** Wall time per checker (ms), or why it has none. */
  wallMs: Partial<Record<CompatRunner, number>>;
  failures: Partial<Record<CompatRunner, string>>;
  /** Checkers stopped at the bound here or on fewer pacts: their wall time is at least the bound. */
  timedOut: CompatRunner[];
  boundMs: number;
  loadAverage: number;
}

export async function scaleCompat(
  plan: ScalePlan,
  pinning: Pinning,
  log: (line: string) => void,
): Promise<CompatRow[]> {
  const { pacts, interactionsPerPact, operations, boundMs } = plan.compat;
  const folder = await mkdtemp(join(tmpdir(), "mockpact-bench-compat-"));
  try {
    const { file: contract } = await writeSyntheticContract(folder, operations, false);
    const timedOutAt = new Map<CompatRunner, number>();
    const rows: CompatRow[] = [];
    for (const size of pacts) {
      const pactFolder = join(folder, `pacts-${size}`);
      await writeSyntheticPacts(pactFolder, size, interactionsPerPact, operations);
      const row: CompatRow = {
        pacts: size,
        interactions: size * interactionsPerPact,
        wallMs: {},
        failures: {},
        timedOut: [],
        boundMs,
        loadAverage: loadAverage(),
      };
      for (const runner of COMPAT_RUNNERS) {
        const earlier = timedOutAt.get(runner);
        const ran =
          earlier === undefined
            ? await timeRun(argsOf(runner, contract, pactFolder), boundMs, pinning)
            : `not run (timed out at ${earlier.toLocaleString("en-US")} pacts)`;
        if (typeof ran === "string") row.failures[runner] = ran;
        else row.wallMs[runner] = ran.ms;
        if (typeof ran === "string" && ran.startsWith("timed out")) timedOutAt.set(runner, size);
        if (timedOutAt.has(runner)) row.timedOut.push(runner);
        log(`  compat ${size} pacts, ${runner}: ${typeof ran === "string" ? ran : `${(ran.ms / 1000).toFixed(2)} s`}`);
      }
      rows.push(row);
      await rm(pactFolder, { recursive: true, force: true });
    }
    return rows;
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

function argsOf(runner: CompatRunner, contract: string, pacts: string): string[] {
  if (runner === "swagger-mock-validator") return [resolve("bench/smv-compat.mjs"), contract, pacts];
  return [resolve("bin/mockpact.js"), "compat", "--pact", pacts, "--contract", contract];
}

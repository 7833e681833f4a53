/**
 * Start-up to first answer, Prism and mockpact alternated (P M P M ...), one server at a time so
 * neither start competes with the other for the CPU. The last start of each is kept running for the
 * load that follows.
 */
import { startContractServer, type RunningServer, type StartOutcome } from "./servers.js";
import { loadAverage } from "./machine.js";
import type { Plan } from "./plan.js";
import type { Pinning } from "./processes.js";
import { CONTRACTS, type ContractKey, type ServerKind } from "./scenarios.js";
import { median } from "./stats.js";
import { waitUntilIdle } from "./processes.js";

export interface StartupFigures {
  contract: ContractKey;
  server: Exclude<ServerKind, "bare">;
  samplesMs: number[];
  medianMs?: number;
  /** Why there is no figure (time-out with its bound, or an early exit). */
  failure?: string;
  boundMs: number;
  /** How long the last start kept working after its first answer, until idle (see waitUntilIdle). */
  busyAfterFirstAnswerMs?: number;
  /** Set when it was still busy at the bound. */
  busyBoundMs?: number;
  /** The machine's 1-minute load average after the starts. */
  loadAverage?: number;
}

export interface StartedPair {
  figures: StartupFigures[];
  running: Partial<Record<"prism" | "mockpact", RunningServer>>;
}

export async function measureStartups(
  contract: ContractKey,
  plan: Plan,
  pinning: Pinning,
  log: (line: string) => void,
): Promise<StartedPair> {
  const kinds = ["prism", "mockpact"] as const;
  const figures = Object.fromEntries(
    kinds.map((server) => [
      server,
      { contract, server, samplesMs: [] as number[], boundMs: plan.startBoundMs[server] },
    ]),
  ) as Record<(typeof kinds)[number], StartupFigures>;
  const running: StartedPair["running"] = {};
  const rounds = Math.max(plan.startRepeats.prism, plan.startRepeats.mockpact);
  for (let round = 1; round <= rounds; round++) {
    for (const kind of kinds) {
      const figure = figures[kind];
      if (figure.failure || round > plan.startRepeats[kind]) continue;
      await running[kind]?.process.stop();
      delete running[kind];
      // The other server of the pair keeps running for the load that follows: a start must not share the CPU
      // with its start-up work (Prism's, or mockpact's background example check), so it waits until that is idle.
      for (const other of Object.values(running)) await waitUntilIdle(other.process.pid, plan.settleBoundMs);
      const outcome = await startContractServer(
        kind,
        CONTRACTS[contract].file,
        CONTRACTS[contract].probe,
        plan.startBoundMs[kind],
        pinning,
        plan.mockpactNodeOptions,
      );
      if (!outcome.ok) {
        figure.failure = outcome.reason;
        log(`  ${kind} on ${contract}: ${outcome.reason}`);
        continue;
      }
      figure.samplesMs.push(outcome.server.startupMs!);
      running[kind] = outcome.server;
      log(`  ${kind} on ${contract}: first answer after ${(outcome.server.startupMs! / 1000).toFixed(2)} s`);
      // The kept start settles before the next one: load must not measure start-up work, nor overlap it.
      if (round === plan.startRepeats[kind]) await settle(figure, outcome.server.process.pid, plan.settleBoundMs, log);
    }
  }
  for (const figure of Object.values(figures)) {
    if (figure.samplesMs.length > 0) figure.medianMs = median(figure.samplesMs);
    figure.loadAverage = loadAverage();
  }
  return { figures: Object.values(figures), running };
}

async function settle(
  figure: StartupFigures,
  pid: number,
  boundMs: number,
  log: (line: string) => void,
): Promise<void> {
  const waited = await waitUntilIdle(pid, boundMs);
  if (waited === undefined) figure.busyBoundMs = boundMs;
  else figure.busyAfterFirstAnswerMs = waited;
  log(
    `  ${figure.server} on ${figure.contract}: ${waited === undefined ? `still busy after ${boundMs / 1000} s` : `idle ${(waited / 1000).toFixed(1)} s after its first answer`}`,
  );
}

/** The one start of a peer (WireMock, Mockoon) as a start-up figure: context beside Prism's and mockpact's. */
export function singleStartup(
  contract: ContractKey,
  server: "wiremock" | "mockoon",
  boundMs: number,
  outcome: StartOutcome,
): StartupFigures {
  if (!outcome.ok)
    return { contract, server, samplesMs: [], failure: outcome.reason, boundMs, loadAverage: loadAverage() };
  const ms = outcome.server.startupMs!;
  return { contract, server, samplesMs: [ms], medianMs: ms, boundMs, loadAverage: loadAverage() };
}

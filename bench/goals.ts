/**
 * The goals of issue 7, judged on one run's figures. Written beside the figures, never asserted in a
 * test: a slow CI machine must not fail a build, but the README must say when a goal is missed.
 */
import type { GoalVerdict, MemoryFigures } from "./results.js";
import type { ContractKey, ServerKind } from "./scenarios.js";
import type { StartupFigures } from "./startup.js";
import { ratio } from "./stats.js";
import type { ThroughputFigures } from "./throughput.js";

export function judgeGoals(throughput: ThroughputFigures[], startup: StartupFigures[], memory: MemoryFigures[]): GoalVerdict[] {
  const median = (scenario: string, server: ServerKind) => throughput.find((f) => f.scenario === scenario && f.server === server)?.median;
  const rps = (scenario: string, server: ServerKind) => median(scenario, server)?.requestsPerSecond;
  // The same ratio from the servers' CPU time per request: on a busy machine, req/s also measures the neighbours.
  const byCpu = (scenario: string, other: ServerKind) => ratio(median(scenario, other)?.serverCpuMicros, median(scenario, "mockpact")?.serverCpuMicros);
  const verdicts: GoalVerdict[] = [];
  for (const scenario of ["shop-static", "github-static"]) {
    verdicts.push(withCpu(atLeast(`${scenario}: mockpact >= 50% of bare node:http`, ratio(rps(scenario, "mockpact"), rps(scenario, "bare")), 0.5, percent), byCpu(scenario, "bare"), percent));
    verdicts.push(withCpu(atLeast(`${scenario}: mockpact >= 10x Prism`, ratio(rps(scenario, "mockpact"), rps(scenario, "prism")), 10, times), byCpu(scenario, "prism"), times));
  }
  for (const scenario of ["shop-dynamic", "github-dynamic"]) {
    verdicts.push(withCpu(atLeast(`${scenario}: mockpact >= 5x Prism`, ratio(rps(scenario, "mockpact"), rps(scenario, "prism")), 5, times), byCpu(scenario, "prism"), times));
  }
  verdicts.push(...startupGoals(startup));
  for (const contract of ["shop", "github", "stripe"] as ContractKey[]) verdicts.push(memoryGoal(contract, memory));
  return verdicts;
}

function startupGoals(startup: StartupFigures[]): GoalVerdict[] {
  const mock = startup.find((s) => s.contract === "github" && s.server === "mockpact");
  const prism = startup.find((s) => s.contract === "github" && s.server === "prism");
  const mockMs = mock?.medianMs;
  const under = { goal: "github-api start-up: mockpact under 2 s", figure: mockMs === undefined ? `no figure (${mock?.failure ?? "not run"})` : seconds(mockMs), met: mockMs === undefined ? undefined : mockMs < 2000 };
  // A Prism that never answered within its bound is at least bound/mockpact times slower.
  const prismMs = prism?.medianMs ?? (prism?.failure ? prism.boundMs : undefined);
  const speedUp = ratio(prismMs, mockMs);
  const faster = atLeast("github-api start-up: mockpact >= 5x faster than Prism", speedUp, 5, times);
  if (prism?.medianMs === undefined && speedUp !== undefined) faster.figure = `>= ${faster.figure} (Prism: ${prism?.failure})`;
  return [under, faster];
}

function memoryGoal(contract: ContractKey, memory: MemoryFigures[]): GoalVerdict {
  const peak = (server: "prism" | "mockpact") => memory.find((m) => m.contract === contract && m.server === server)?.peakUnderLoadBytes;
  const mock = peak("mockpact");
  const prism = peak("prism");
  const goal = `${contract}: RSS under load below Prism's`;
  if (mock === undefined || prism === undefined) return { goal, figure: `mockpact ${mib(mock)}, Prism ${mib(prism)}`, met: undefined };
  return { goal, figure: `mockpact ${mib(mock)}, Prism ${mib(prism)}`, met: mock < prism };
}

/** Judged by req/s as the issue says; the CPU-time ratio is shown beside it. */
function withCpu(verdict: GoalVerdict, cpuRatio: number | undefined, show: (x: number) => string): GoalVerdict {
  return cpuRatio === undefined ? verdict : { ...verdict, figure: `${verdict.figure} (by CPU time per request: ${show(cpuRatio)})` };
}

function atLeast(goal: string, value: number | undefined, threshold: number, show: (x: number) => string): GoalVerdict {
  return { goal, figure: value === undefined ? "no figure" : show(value), met: value === undefined ? undefined : value >= threshold };
}

export const percent = (x: number) => `${Math.round(x * 100)}%`;
export const times = (x: number) => `${x >= 10 ? x.toFixed(0) : x.toFixed(1)}x`;
export const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
export const mib = (bytes: number | undefined) => (bytes === undefined ? "n/a" : `${Math.round(bytes / 1024 ** 2)} MiB`);

/**
 * One contract's part of the run: start-ups (Prism and mockpact alternated), then the peers primed
 * with mockpact's answers (bare node:http and WireMock send the same bytes; Mockoon imports the
 * contract), then every scenario of the contract on all of them, then their memory.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runLoad } from "./load.js";
import { startMockoon, startWireMock, type RecordedAnswer } from "./peers.js";
import type { Plan } from "./plan.js";
import { rssOf, type Pinning } from "./processes.js";
import type { MemoryFigures } from "./results.js";
import { sampleRss } from "./rss-sampler.js";
import { CONTRACTS, RSS_LOAD, SCENARIOS, type ContractKey } from "./scenarios.js";
import { startBareServer, type RunningServer } from "./servers.js";
import { measureStartups, singleStartup, type StartupFigures } from "./startup.js";
import { measureScenario, recordAnswer, type PeakRss, type ThroughputFigures } from "./throughput.js";

export interface ContractFigures {
  startup: StartupFigures[];
  throughput: ThroughputFigures[];
  memory: MemoryFigures[];
}

export async function benchContract(
  contract: ContractKey,
  plan: Plan,
  pinning: Pinning,
  log: (line: string) => void,
): Promise<ContractFigures> {
  const { figures: startup, running } = await measureStartups(contract, plan, pinning, log);
  const servers = [running.prism, running.mockpact].filter((s): s is RunningServer => s !== undefined);
  const peaks: PeakRss = {};
  const throughput: ThroughputFigures[] = [];
  try {
    const scenarios = SCENARIOS.filter((s) => s.contract === contract);
    if (scenarios.length > 0 && running.mockpact)
      throughput.push(...(await withPeers(contract, running.mockpact, servers, plan, pinning, peaks, startup, log)));
    else for (const server of servers) await loadForMemory(server, contract, plan, peaks);
    const memory: MemoryFigures[] = servers.map((s) => ({
      contract,
      server: s.kind as MemoryFigures["server"],
      peakUnderLoadBytes: peaks[s.kind],
      afterLoadBytes: rssOf(s.process.pid),
    }));
    for (const peer of ["wiremock", "mockoon"] as const)
      if (peaks[peer] !== undefined) memory.push({ contract, server: peer, peakUnderLoadBytes: peaks[peer] });
    return { startup, throughput, memory };
  } finally {
    for (const server of servers) await server.process.stop();
  }
}

/** Peers answer what mockpact answered, byte for byte where they can; then every scenario runs on all of them. */
async function withPeers(
  contract: ContractKey,
  mockpact: RunningServer,
  servers: RunningServer[],
  plan: Plan,
  pinning: Pinning,
  peaks: PeakRss,
  startup: StartupFigures[],
  log: (line: string) => void,
): Promise<ThroughputFigures[]> {
  const scenarios = SCENARIOS.filter((s) => s.contract === contract);
  const folder = await mkdtemp(join(tmpdir(), "mockpact-bench-"));
  const answers: Record<string, RecordedAnswer> = {};
  for (const s of scenarios)
    answers[`${s.request.method} ${s.request.path}`] = await recordAnswer(mockpact.url, s.request);
  await writeFile(join(folder, "answers.json"), JSON.stringify(answers));
  const peers: RunningServer[] = [await startBareServer(join(folder, "answers.json"), pinning)];
  const bound = plan.startBoundMs.prism;
  const wiremock = await startWireMock(answers, join(folder, "wiremock"), bound, pinning);
  const { file, probe, basePath } = CONTRACTS[contract];
  const mockoon = await startMockoon(file, basePath, probe, bound, pinning);
  for (const [kind, outcome] of [
    ["wiremock", wiremock],
    ["mockoon", mockoon],
  ] as const) {
    startup.push(singleStartup(contract, kind, bound, outcome));
    log(
      `  ${kind} on ${contract}: ${outcome.ok ? `first answer after ${(outcome.server.startupMs! / 1000).toFixed(2)} s` : outcome.reason}`,
    );
    if (outcome.ok) peers.push(outcome.server);
  }
  const all = [
    peers[0]!,
    ...servers.filter((s) => s.kind === "prism"),
    ...peers.slice(1),
    ...servers.filter((s) => s.kind === "mockpact"),
  ];
  const figures: ThroughputFigures[] = [];
  try {
    if (wiremock.ok && plan.jvmWarmUpSeconds > 0)
      await runLoad(wiremock.server.url, scenarios[0]!.request, {
        connections: plan.connections,
        durationSeconds: plan.jvmWarmUpSeconds,
      });
    for (const scenario of scenarios) figures.push(...(await measureScenario(scenario, all, plan, peaks, log)));
  } finally {
    for (const peer of peers) await peer.process.stop();
    await rm(folder, { recursive: true, force: true });
  }
  return figures;
}

/** A contract without throughput rows (stripe) still gets a load before its RSS is read. */
async function loadForMemory(server: RunningServer, contract: ContractKey, plan: Plan, peaks: PeakRss): Promise<void> {
  const sampler = sampleRss(server.process.pid);
  await runLoad(server.url, RSS_LOAD[contract], {
    connections: plan.connections,
    durationSeconds: plan.rssLoadSeconds,
    requests: plan.requestsPerRun,
  });
  const peak = sampler.stop();
  if (peak !== undefined) peaks[server.kind] = Math.max(peaks[server.kind] ?? 0, peak);
}

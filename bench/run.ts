/**
 * `npm run bench [-- --quick] [-- --pin]`: mockpact side by side with Prism and a bare node:http
 * server, on loopback, bounded in time (DEFAULT_PLAN under 10 minutes, QUICK_PLAN under 2).
 * Prints Markdown tables and writes bench/results/<date>.json. See docs/performance.md.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { buildIfStale } from "./build.js";
import { timeFixtures, timeVerify } from "./commands.js";
import { judgeGoals } from "./goals.js";
import { runLoad } from "./load.js";
import { describeMachine } from "./machine.js";
import { DEFAULT_PLAN, QUICK_PLAN, type Plan } from "./plan.js";
import { rssOf, setUpPinning, type Pinning } from "./processes.js";
import { formatReport } from "./report.js";
import { writeResult, type BenchResult, type MemoryFigures } from "./results.js";
import { sampleRss } from "./rss-sampler.js";
import { RSS_LOAD, SCENARIOS, type ContractKey } from "./scenarios.js";
import { startBareServer, type RunningServer } from "./servers.js";
import { measureStartups, type StartupFigures } from "./startup.js";
import { measureScenario, recordAnswer, type PeakRss, type ThroughputFigures } from "./throughput.js";

const log = (line: string) => process.stderr.write(`${line}\n`);

interface ContractFigures {
  startup: StartupFigures[];
  throughput: ThroughputFigures[];
  memory: MemoryFigures[];
}

async function main(): Promise<void> {
  const plan = process.argv.includes("--quick") ? QUICK_PLAN : DEFAULT_PLAN;
  const startedAt = new Date();
  const clock = performance.now();
  const machine = describeMachine(); // before pinning: the CPU count read after it would be 1
  if (buildIfStale()) log("built dist/ (it was older than src/)");
  // Unpinned by default: on 2 CPUs, a load generator pinned to one became the bottleneck whenever
  // anything else ran there. `--pin` puts servers on the last CPU and the load generator on the first.
  const pinning = setUpPinning(process.argv.includes("--pin"));
  const all: ContractFigures = { startup: [], throughput: [], memory: [] };
  for (const contract of ["shop", "github", "stripe"] as ContractKey[]) {
    log(`${contract}:`);
    const figures = await benchContract(contract, plan, pinning);
    all.startup.push(...figures.startup);
    all.throughput.push(...figures.throughput);
    all.memory.push(...figures.memory);
  }
  log("commands:");
  const commands = [await timeFixtures(plan, pinning), await timeVerify(plan, pinning)];
  const result: BenchResult = {
    startedAt: startedAt.toISOString(),
    durationSeconds: (performance.now() - clock) / 1000,
    machine,
    plan,
    pinning: pinning.serverCpu === undefined ? "unpinned (servers and load generator share the CPUs)" : `servers pinned to CPU ${pinning.serverCpu}, load generator to CPU ${pinning.benchCpu} (taskset)`,
    scenarios: SCENARIOS.map(({ id, contract, label, kind }) => ({ id, contract, label, kind })),
    ...all,
    commands,
    goals: judgeGoals(all.throughput, all.startup, all.memory),
  };
  const file = await writeResult(result);
  process.stdout.write(`\n${formatReport(result)}\nwritten to ${file}\n`);
}

/** Start-ups, then the contract's scenarios on the servers just started, then their memory. */
async function benchContract(contract: ContractKey, plan: Plan, pinning: Pinning): Promise<ContractFigures> {
  const { figures: startup, running } = await measureStartups(contract, plan, pinning, log);
  const servers = [running.prism, running.mockpact].filter((s): s is RunningServer => s !== undefined);
  const peaks: PeakRss = {};
  const throughput: ThroughputFigures[] = [];
  try {
    const scenarios = SCENARIOS.filter((s) => s.contract === contract);
    if (scenarios.length > 0 && running.mockpact) throughput.push(...(await withCeiling(contract, running.mockpact, servers, plan, pinning, peaks)));
    else for (const server of servers) await loadForMemory(server, contract, plan, peaks);
    const memory = servers.map((s) => ({ contract, server: s.kind as "prism" | "mockpact", peakUnderLoadBytes: peaks[s.kind], afterLoadBytes: rssOf(s.process.pid) }));
    return { startup, throughput, memory };
  } finally {
    for (const server of servers) await server.process.stop();
  }
}

/** The bare server answers what mockpact answered, byte for byte; then every scenario runs on all three. */
async function withCeiling(contract: ContractKey, mockpact: RunningServer, servers: RunningServer[], plan: Plan, pinning: Pinning, peaks: PeakRss): Promise<ThroughputFigures[]> {
  const scenarios = SCENARIOS.filter((s) => s.contract === contract);
  const folder = await mkdtemp(join(tmpdir(), "mockpact-bench-"));
  const answers: Record<string, unknown> = {};
  for (const s of scenarios) answers[`${s.request.method} ${s.request.path}`] = await recordAnswer(mockpact.url, s.request);
  await writeFile(join(folder, "answers.json"), JSON.stringify(answers));
  const bare = await startBareServer(join(folder, "answers.json"), pinning);
  const figures: ThroughputFigures[] = [];
  try {
    for (const scenario of scenarios) figures.push(...(await measureScenario(scenario, [bare, ...servers], plan, peaks, log)));
  } finally {
    await bare.process.stop();
    await rm(folder, { recursive: true, force: true });
  }
  return figures;
}

/** A contract without throughput rows (stripe) still gets a load before its RSS is read. */
async function loadForMemory(server: RunningServer, contract: ContractKey, plan: Plan, peaks: PeakRss): Promise<void> {
  const sampler = sampleRss(server.process.pid);
  await runLoad(server.url, RSS_LOAD[contract], { connections: plan.connections, durationSeconds: plan.rssLoadSeconds });
  const peak = sampler.stop();
  if (peak !== undefined) peaks[server.kind] = Math.max(peaks[server.kind] ?? 0, peak);
}

await main();

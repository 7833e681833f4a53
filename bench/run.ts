/**
 * `npm run bench [-- --quick | --smoke] [-- --pin] [-- --scale]`: mockpact side by side with bare
 * node:http (the ceiling), Prism, WireMock and Mockoon's CLI, on loopback, bounded in time (default
 * plan under 10 minutes, --quick under 3; --scale adds the cost curves, under 20). Prints Markdown
 * tables, writes bench/results/<date>.json, and (default and --scale plans) rewrites the generated
 * part of docs/performance.md. `--docs FILE` and `--results DIR` write elsewhere (the smoke test).
 */
import { performance } from "node:perf_hooks";
import { buildIfStale } from "./build.js";
import { timeFixtures, timeVerify } from "./commands.js";
import { benchContract, type ContractFigures } from "./contract-bench.js";
import { writeGenerated } from "./docs.js";
import { judgeGoals } from "./goals.js";
import { describeMachine, loadAverage } from "./machine.js";
import { planOf } from "./plan.js";
import { setUpPinning } from "./processes.js";
import { formatReport } from "./report.js";
import { writeResult, type BenchResult } from "./results.js";
import { SCENARIOS } from "./scenarios.js";

const log = (line: string) => process.stderr.write(`${line}\n`);

function argument(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

async function main(): Promise<void> {
  const plan = planOf(process.argv);
  const startedAt = new Date();
  const clock = performance.now();
  const machine = describeMachine(); // before pinning: the CPU count read after it would be 1
  const loadAtStart = loadAverage();
  if (buildIfStale()) log("built dist/ (it was older than src/)");
  // Unpinned by default: on 2 CPUs, a load generator pinned to one became the bottleneck whenever
  // anything else ran there. `--pin` puts servers on the last CPU and the load generator on the first.
  const pinning = setUpPinning(process.argv.includes("--pin"));
  const all: ContractFigures = { startup: [], throughput: [], memory: [] };
  for (const contract of plan.contracts) {
    log(`${contract}:`);
    const figures = await benchContract(contract, plan, pinning, log);
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
    load: { atStart: loadAtStart, atEnd: loadAverage() },
    plan,
    pinning:
      pinning.serverCpu === undefined ? "unpinned (servers and load generator share the CPUs)" : `servers pinned to CPU ${pinning.serverCpu}, load generator to CPU ${pinning.benchCpu} (taskset)`,
    scenarios: SCENARIOS.filter((s) => plan.contracts.includes(s.contract)).map(({ id, contract, label, kind }) => ({ id, contract, label, kind })),
    ...all,
    commands,
    // The smoke plan sends a handful of requests: its ratios mean nothing, so it judges nothing.
    goals: judgeGoals(all.throughput, all.startup, all.memory).map((goal) => (plan.name === "smoke" ? { ...goal, met: undefined } : goal)),
  };
  const file = await writeResult(result, argument("--results"));
  const report = formatReport(result);
  process.stdout.write(`\n${report}\nwritten to ${file}\n`);
  const docs = argument("--docs") ?? (plan.name === "default" ? "docs/performance.md" : undefined);
  if (docs) process.stdout.write(`${await writeGenerated(docs, "bench", report)}\n`);
}

await main();

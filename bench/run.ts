/**
 * `npm run bench [-- --quick | --smoke] [-- --pin] [-- --scale] [-- --only shop|github|stripe|stateful]
 * [-- --mockpact-node-option <option>]`: mockpact side by side with bare
 * node:http (the ceiling), Prism, WireMock and Mockoon's CLI, on loopback, bounded in time (default
 * plan under 10 minutes, --quick under 3; --scale adds the cost curves, under 30). Prints Markdown
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
import { mockpactNodeOptionsOf, planOf, SCALE_PLAN, SCALE_SMOKE_PLAN } from "./plan.js";
import { setUpPinning } from "./processes.js";
import { formatReport } from "./report.js";
import { writeResult, type BenchResult } from "./results.js";
import { formatScale, runScale } from "./scale.js";
import { CURVES, runCurve } from "./scale-curves.js";
import { CONTRACTS, SCENARIOS, type ContractKey } from "./scenarios.js";
import { benchStateful, formatStateful } from "./stateful.js";

const log = (line: string) => process.stderr.write(`${line}\n`);

function argument(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

async function main(): Promise<void> {
  // `--mockpact-node-option --no-memory-reducer`: mockpact's servers start with that Node option (an A/B of a V8 setting).
  const mockpactNodeOptions = mockpactNodeOptionsOf(process.argv);
  if (process.argv.includes("--scale")) return scale();
  const only = argument("--only");
  if (only === "stateful") return onlyStateful(planOf(process.argv));
  // `--only shop` (or github, stripe): that contract's part alone, to look into one figure; the docs are left as they are.
  const plan = {
    ...planOf(process.argv),
    ...(only === undefined ? {} : { contracts: [contractKeyOf(only)] }),
    ...(mockpactNodeOptions.length > 0 ? { mockpactNodeOptions } : {}),
  };
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
  const commands = only ? [] : [await timeFixtures(plan, pinning), await timeVerify(plan, pinning)];
  const result: BenchResult = {
    startedAt: startedAt.toISOString(),
    durationSeconds: (performance.now() - clock) / 1000,
    machine,
    load: { atStart: loadAtStart, atEnd: loadAverage() },
    plan,
    pinning:
      pinning.serverCpu === undefined
        ? "unpinned (servers and load generator share the CPUs)"
        : `servers pinned to CPU ${pinning.serverCpu}, load generator to CPU ${pinning.benchCpu} (taskset)`,
    scenarios: SCENARIOS.filter((s) => plan.contracts.includes(s.contract)).map(({ id, contract, label, kind }) => ({
      id,
      contract,
      label,
      kind,
    })),
    ...all,
    commands,
    // The smoke plan sends a handful of requests: its ratios mean nothing, so it judges nothing.
    goals: judgeGoals(all.throughput, all.startup, all.memory).map((goal) =>
      plan.name === "smoke" ? { ...goal, met: undefined } : goal,
    ),
  };
  const file = await writeResult(result, argument("--results"));
  const report = formatReport(result);
  process.stdout.write(`\n${report}\nwritten to ${file}\n`);
  // Only a whole run writes the docs: --only (the one place --mockpact-node-option is taken) writes bench/results/.
  const docs = argument("--docs") ?? (plan.name === "default" && !only ? "docs/performance.md" : undefined);
  if (docs) process.stdout.write(`${await writeGenerated(docs, "bench", report)}\n`);
  // The stateful scenario (memory and Redis side by side) prints its own table; the smoke plan measures nothing.
  if (plan.name !== "smoke" && !only)
    process.stdout.write(`\n${formatStateful(await benchStateful(plan, pinning, log))}`);
}

function contractKeyOf(name: string): ContractKey {
  if (Object.hasOwn(CONTRACTS, name)) return name as ContractKey; // not `in`: "toString" is no contract
  throw new Error(
    `Failed to read --only ${name}: expected one of ${[...Object.keys(CONTRACTS), "stateful"].join(", ")}`,
  );
}

/** `--only stateful`: the stateful scenario alone, memory and Redis side by side (a loaded machine need not run the rest). */
async function onlyStateful(plan: ReturnType<typeof planOf>): Promise<void> {
  if (buildIfStale()) log("built dist/ (it was older than src/)");
  log(`stateful (load average ${loadAverage()} at start):`);
  process.stdout.write(formatStateful(await benchStateful(plan, setUpPinning(process.argv.includes("--pin")), log)));
}

/**
 * The cost curves: their own result file, and their own marked parts of the docs. `--only verify`,
 * `--only compat` or `--only fixtures` runs that command curve alone; `--only growth` the rest (start-up
 * and RSS against operations, the split contract, the background check, the steady load) without them.
 */
async function scale(): Promise<void> {
  const plan = process.argv.includes("--smoke") ? SCALE_SMOKE_PLAN : SCALE_PLAN;
  const docs = argument("--docs") ?? (plan.name === "scale" ? "docs/performance.md" : "bench/results/scale.md");
  const only = CURVES.find((curve) => curve.name === argument("--only"));
  if (buildIfStale()) log("built dist/ (it was older than src/)");
  const machine = describeMachine(); // before pinning: the CPU count read after it would be 1
  const pinning = setUpPinning(process.argv.includes("--pin"));
  const curves = only ? [only] : argument("--only") === "growth" ? [] : CURVES;
  for (const curve of curves) process.stdout.write(await runCurve(curve, plan, pinning, docs, log));
  if (only) return;
  const startedAt = new Date().toISOString();
  const loadAtStart = loadAverage();
  const result = await runScale(plan, pinning, log);
  const file = await writeResult(
    { startedAt: `${startedAt}-scale`, machine, load: { atStart: loadAtStart, atEnd: loadAverage() }, ...result },
    argument("--results"),
  );
  const m = machine;
  const header = `Run ${startedAt} (${plan.name} plan): ${m.cpus} CPUs (${m.model}), ${m.memoryGiB} GiB, Node ${m.node}. Load average (1 min): ${loadAtStart} at the start, ${loadAverage()} at the end.`;
  const report = `${header}\n\n${await formatScale(result, docs)}`;
  process.stdout.write(`\n${report}\n\nwritten to ${file}\n${await writeGenerated(docs, "scale", report)}\n`);
}

await main();

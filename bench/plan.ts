import type { ContractKey } from "./scenarios.js";

/**
 * How long and how often each part runs. Every wait has a bound, so the whole run has one:
 * the default plan stays under 10 minutes, `--quick` under 3 (on the 2-core machines of this project).
 * `--smoke` (the test of the bench itself) sends a fixed, tiny number of requests per run instead of
 * loading for a time, on the sample contract only: it runs every code path and measures nothing.
 */
export interface Plan {
  name: "default" | "quick" | "smoke";
  contracts: ContractKey[];
  /** When set, each load run sends this many requests, whatever the time it takes (the smoke plan). */
  requestsPerRun?: number;
  /** The JVM compiles WireMock's hot path over its first seconds: it gets this much load before its first measured run. */
  jvmWarmUpSeconds: number;
  /** Rounds of each scenario; each round runs every server once, in alternation (A B C A B C ...). */
  rounds: number;
  durationSeconds: number;
  /** One unrecorded run per server and scenario before the rounds: JIT, caches, sockets. */
  warmUpSeconds: number;
  connections: number;
  /** Start-ups measured per contract and server (the median is reported); a time-out is not retried. */
  startRepeats: { mockpact: number; prism: number };
  /** Bound on the start-up to first answer, per server. */
  startBoundMs: { mockpact: number; prism: number };
  /** Bound on the wait for a started server to go idle before it is loaded. */
  settleBoundMs: number;
  /** Load before the "RSS after load" reading of a contract without throughput rows (stripe). */
  rssLoadSeconds: number;
  verifyRuns: number;
  commandBoundMs: number;
  /**
   * Node options mockpact's servers start with (`--mockpact-node-option`, repeatable), before the script:
   * to measure a V8 setting such as `--no-memory-reducer` against the same run's peers. Empty by default.
   */
  mockpactNodeOptions?: string[];
}

export const DEFAULT_PLAN: Plan = {
  name: "default",
  contracts: ["shop", "github", "stripe"],
  jvmWarmUpSeconds: 6,
  rounds: 5,
  durationSeconds: 3,
  warmUpSeconds: 1,
  connections: 10,
  startRepeats: { mockpact: 3, prism: 2 },
  startBoundMs: { mockpact: 30_000, prism: 60_000 },
  settleBoundMs: 30_000,
  rssLoadSeconds: 3,
  verifyRuns: 3,
  commandBoundMs: 120_000,
};

export const QUICK_PLAN: Plan = {
  name: "quick",
  contracts: ["shop", "github", "stripe"],
  jvmWarmUpSeconds: 2,
  rounds: 2,
  durationSeconds: 1,
  warmUpSeconds: 0.3,
  connections: 10,
  startRepeats: { mockpact: 1, prism: 1 },
  startBoundMs: { mockpact: 15_000, prism: 15_000 },
  settleBoundMs: 15_000,
  rssLoadSeconds: 1,
  verifyRuns: 1,
  commandBoundMs: 60_000,
};

export const SMOKE_PLAN: Plan = {
  ...QUICK_PLAN,
  name: "smoke",
  contracts: ["shop"],
  requestsPerRun: 20,
  jvmWarmUpSeconds: 0,
  rounds: 1,
  warmUpSeconds: 0,
  connections: 2,
  rssLoadSeconds: 0,
  // Bounds for a machine that runs the test suite beside the smoke: starts may be slow, never absent.
  startBoundMs: { mockpact: 90_000, prism: 90_000 },
  settleBoundMs: 5_000,
};

/**
 * Every value of `--mockpact-node-option` on the command line, in order. A missing value is refused, and so
 * is the option outside `--only shop|github|stripe`: it reaches the contract servers only, so a run that also
 * starts mockpact elsewhere (the commands part, `--scale`, the stateful part) would measure those as users
 * start it while its header said otherwise.
 */
export function mockpactNodeOptionsOf(argv: string[]): string[] {
  const options: string[] = [];
  argv.forEach((word, at) => {
    if (word !== "--mockpact-node-option") return;
    const value = argv[at + 1];
    if (value === undefined || !value.startsWith("-"))
      throw new Error(
        `Failed to read --mockpact-node-option: expected a Node option after it (\`--mockpact-node-option --no-memory-reducer\`), got ${value ?? "nothing"}`,
      );
    options.push(value);
  });
  if (options.length > 0 && !onlyOneContract(argv))
    throw new Error(
      "Failed to read --mockpact-node-option: it applies to one contract's servers; add `--only shop` (or github, stripe), without --scale",
    );
  return options;
}

function onlyOneContract(argv: string[]): boolean {
  const at = argv.indexOf("--only");
  return at >= 0 && !argv.includes("--scale") && !["stateful", undefined].includes(argv[at + 1]);
}

export function planOf(argv: string[]): Plan {
  if (argv.includes("--smoke")) return SMOKE_PLAN;
  return argv.includes("--quick") ? QUICK_PLAN : DEFAULT_PLAN;
}

/** The cost curves of `--scale` (under 30 minutes, 10 of them the steady load); `--scale --smoke` runs their code paths on tiny sizes. */
export interface ScalePlan {
  name: "scale" | "scale-smoke";
  /** Sizes of the generated contracts for start-up and RSS against operations. */
  operations: number[];
  /** Operations of the contract split over files (3 files per 2 operations, plus the root). */
  splitOperations: number;
  startBoundMs: { mockpact: number; prism: number };
  /** How long requests are timed right after the first answer, while the example checks run. */
  busyWindowMs: number;
  /** The steady load: seconds, requests per second, RSS read every so many seconds. */
  steady: { seconds: number; rate: number; everySeconds: number };
  /** Interactions of the generated pacts of the verify curve, and the bound on each verify run. */
  verifyInteractions: number[];
  verifyBoundMs: number;
  /**
   * The compat curve: pacts per step (each of `interactionsPerPact` interactions) against one synthetic
   * contract of `operations` operations, checked by mockpact compat and swagger-mock-validator; each run bounded.
   */
  compat: { pacts: number[]; interactionsPerPact: number; operations: number; boundMs: number };
  /** The fixtures curve: operations of each generated contract; each run (mockpact, the json-schema-faker ceiling) bounded. */
  fixtures: { operations: number[]; boundMs: number };
}

export const SCALE_PLAN: ScalePlan = {
  name: "scale",
  operations: [100, 1_000, 10_000],
  splitOperations: 2_000,
  startBoundMs: { mockpact: 60_000, prism: 90_000 },
  busyWindowMs: 3_000,
  steady: { seconds: 600, rate: 500, everySeconds: 10 },
  verifyInteractions: [10, 100, 400, 1_000],
  verifyBoundMs: 180_000,
  // swagger-mock-validator takes about 0.6 s of CPU per pact on a 20-operation contract: 1,000 pacts outrun the bound.
  compat: { pacts: [10, 100, 1_000], interactionsPerPact: 6, operations: 20, boundMs: 180_000 },
  // 10,000 operations took 142 s at load 13: the bound leaves room for a busier machine.
  fixtures: { operations: [100, 1_000, 10_000], boundMs: 300_000 },
};

export const SCALE_SMOKE_PLAN: ScalePlan = {
  name: "scale-smoke",
  operations: [10, 40],
  splitOperations: 20,
  startBoundMs: { mockpact: 90_000, prism: 90_000 },
  busyWindowMs: 200,
  steady: { seconds: 3, rate: 20, everySeconds: 1 },
  verifyInteractions: [2, 4],
  verifyBoundMs: 90_000,
  compat: { pacts: [2, 3], interactionsPerPact: 2, operations: 4, boundMs: 90_000 },
  fixtures: { operations: [4, 10], boundMs: 90_000 },
};

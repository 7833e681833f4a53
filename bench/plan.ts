/**
 * How long and how often each part runs. Every wait has a bound, so the whole run has one:
 * the default plan stays under 10 minutes, `--quick` under 2 (on the 2-core machines of this project).
 */
export interface Plan {
  name: "default" | "quick";
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
}

export const DEFAULT_PLAN: Plan = {
  name: "default",
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

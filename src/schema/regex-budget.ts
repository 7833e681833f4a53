/**
 * Wall-clock budget for the `pattern` tests that no linear-time engine can run (lookarounds,
 * backrefs), shared by every value of one request (or one validation): an array of 40 values, or a
 * 1 MB body of short strings, gets this much in all, not this much each. Generous, so a busy machine
 * never turns a linear pattern into a false "no match"; a truly catastrophic one still costs at most
 * this much of the event loop per request.
 */
export const REGEX_TIME_LIMIT_MS = 250;

/** The time one request's (or one validation's) budgeted pattern tests have spent, and whether it ran out. */
export interface RegexBudget {
  readonly limitMs: number;
  spentMs: number;
  /** A test was cut short or not run: its value counted as not matching. */
  exhausted: boolean;
}

export function regexBudget(limitMs = REGEX_TIME_LIMIT_MS): RegexBudget {
  return { limitMs, spentMs: 0, exhausted: false };
}

/** The budget the tests draw from: set around each synchronous validation (ajv calls testers without a context). */
let current: RegexBudget | undefined;

export function currentBudget(): RegexBudget | undefined {
  return current;
}

/** Runs `work`, which must be synchronous (an ajv validation, a pact match), with every budgeted test drawing from `budget`. */
export function withRegexBudget<T>(budget: RegexBudget, work: () => T): T {
  const outer = current;
  current = budget;
  try {
    return work();
  } finally {
    current = outer;
  }
}

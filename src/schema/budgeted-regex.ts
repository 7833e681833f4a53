import vm from "node:vm";

/**
 * Wall-clock budget for one `pattern` test that no linear-time engine can run (lookarounds,
 * backrefs). Generous, so a busy machine never turns a linear pattern into a false "no match"; a
 * truly catastrophic one still costs at most this much of the event loop.
 */
export const REGEX_TIME_LIMIT_MS = 250;

/**
 * ajv shares one compiled pattern per `String(tester)` across all schemas of an instance (its scope
 * key): a tester that is not a RegExp must name its own pattern there, or every such tester would be
 * `[object Object]` and all patterns would run the first one compiled.
 */
export interface PatternTester {
  test(input: string): boolean;
  toString(): string;
}

/** V8's RegExp inside a vm context with a time limit: over the limit the value counts as not matching. */
export function budgetedTester(regex: RegExp): PatternTester {
  const context = vm.createContext({ regex, input: "" });
  const script = new vm.Script("regex.test(input)");
  return {
    toString: () => `budgeted:${regex.toString()}`,
    test(input: string): boolean {
      context.input = input;
      try {
        return script.runInContext(context, { timeout: REGEX_TIME_LIMIT_MS }) as boolean;
      } catch {
        return false;
      }
    },
  };
}

import vm from "node:vm";
import { currentBudget, regexBudget } from "./regex-budget.js";

export { REGEX_TIME_LIMIT_MS } from "./regex-budget.js";

/**
 * ajv shares one compiled pattern per `String(tester)` across all schemas of an instance (its scope
 * key): a tester that is not a RegExp must name its own pattern there, or every such tester would be
 * `[object Object]` and all patterns would run the first one compiled.
 */
export interface PatternTester {
  test(input: string): boolean;
  toString(): string;
}

/**
 * V8's RegExp inside a vm context, each test drawing on the current request's time budget: once it
 * is spent (or a test is cut short by it) the value counts as not matching and the budget says so.
 */
export function budgetedTester(regex: RegExp): PatternTester {
  const context = vm.createContext({ regex, input: "" });
  const script = new vm.Script("regex.test(input)");
  return {
    toString: () => `budgeted:${regex.toString()}`,
    test(input: string): boolean {
      const budget = currentBudget() ?? regexBudget(); // outside a validation: this value alone
      const remaining = budget.limitMs - budget.spentMs;
      if (remaining <= 0) {
        budget.exhausted = true;
        return false;
      }
      context.input = input;
      const start = performance.now();
      try {
        return script.runInContext(context, { timeout: Math.max(1, Math.ceil(remaining)) }) as boolean;
      } catch {
        budget.exhausted = true;
        return false;
      } finally {
        budget.spentMs += performance.now() - start;
      }
    },
  };
}

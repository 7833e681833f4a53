import vm from "node:vm";
import { RE2JS } from "re2js";
import safeRegex from "safe-regex2";
import { currentBudget, regexBudget } from "./regex-budget.js";

export { REGEX_TIME_LIMIT_MS } from "./regex-budget.js";

/**
 * ajv shares one compiled pattern per `String(tester)` across all schemas of an instance (its scope
 * key): a tester that is not a RegExp must name its own pattern there, or every such tester would be
 * `[object Object]` and all patterns would run the first one compiled.
 */
interface PatternTester {
  test(input: string): boolean;
  toString(): string;
}

/** A quantified group (`(a|aa)+`, `(\w+\s?)*`): the shape behind catastrophic backtracking. */
const QUANTIFIED_GROUP = /\)[*+?{]/;

/**
 * The `code.regExp` engine handed to ajv, so that neither a contract's pattern nor a client's value
 * can stall the event loop:
 * - a pattern without quantified groups that safe-regex2 also accepts runs on V8's RegExp (fast);
 * - any other runs on RE2JS, which matches in linear time (safe-regex2 alone passes `^(a|aa)+$`,
 *   which V8 takes minutes over on 60 characters);
 * - what RE2 cannot express (lookarounds, backreferences) runs on V8 inside a vm context, drawing on
 *   the request's time budget (above); once it is spent, values count as not matching.
 * Contract patterns are ECMA-262 without the `u` flag as often as with it (`[\w\-]`), so `u` is
 * dropped when the pattern needs that.
 */
export function guardedRegExp(pattern: string, flags: string): PatternTester {
  const native = compileTolerant(pattern, flags);
  if (!QUANTIFIED_GROUP.test(pattern) && safeRegex(native)) return native;
  return linearTester(pattern) ?? budgetedTester(native);
}
guardedRegExp.code = "new RegExp";

function compileTolerant(pattern: string, flags: string): RegExp {
  try {
    return new RegExp(pattern, flags);
  } catch (error) {
    if (!flags.includes("u")) throw error;
    return new RegExp(pattern, flags.replace("u", ""));
  }
}

function linearTester(pattern: string): PatternTester | undefined {
  let re2: RE2JS;
  try {
    re2 = RE2JS.compile(pattern);
  } catch {
    return undefined;
  }
  return { test: (input: string) => re2.matcher(input).find(), toString: () => `re2:/${pattern}/` };
}

function budgetedTester(regex: RegExp): PatternTester {
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

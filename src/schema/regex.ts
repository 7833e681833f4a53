import vm from "node:vm";
import safeRegex from "safe-regex2";

/** Wall-clock budget for one `pattern` test whose regex could backtrack catastrophically. */
export const REGEX_TIME_LIMIT_MS = 50;

export class RegexBudgetExceeded extends Error {
  constructor(readonly pattern: string) {
    super(`pattern ${pattern} exceeded the ${REGEX_TIME_LIMIT_MS} ms regex work limit`);
  }
}

interface PatternTester {
  test(input: string): boolean;
}

/**
 * The `code.regExp` engine handed to ajv. Contract patterns are ECMA-262 without the `u` flag more
 * often than with it (`[\w\-]`), so `u` is tried first and dropped when the pattern needs that.
 * A pattern that safe-regex2 judges exponential is run inside a vm context with a time limit, so a
 * hostile contract or body cannot stall the event loop; over the limit the value is treated as not
 * matching (the violation says why).
 */
export function guardedRegExp(pattern: string, flags: string): PatternTester {
  const regex = compileTolerant(pattern, flags);
  if (safeRegex(regex)) return regex;
  return budgetedTester(regex);
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

function budgetedTester(regex: RegExp): PatternTester {
  const context = vm.createContext({ regex, input: "" });
  const script = new vm.Script("regex.test(input)");
  return {
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

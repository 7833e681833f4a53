import { RE2JS } from "re2js";
import safeRegex from "safe-regex2";
import { budgetedTester, type PatternTester } from "./budgeted-regex.js";

export { REGEX_TIME_LIMIT_MS } from "./budgeted-regex.js";

/** A quantified group (`(a|aa)+`, `(\w+\s?)*`): the shape behind catastrophic backtracking. */
const QUANTIFIED_GROUP = /\)[*+?{]/;

/**
 * The `code.regExp` engine handed to ajv, so that neither a contract's pattern nor a client's value
 * can stall the event loop:
 * - a pattern without quantified groups that safe-regex2 also accepts runs on V8's RegExp (fast);
 * - any other runs on RE2JS, which matches in linear time (safe-regex2 alone passes `^(a|aa)+$`,
 *   which V8 takes minutes over on 60 characters);
 * - what RE2 cannot express (lookarounds, backreferences) runs on V8 inside a vm context, drawing on
 *   the request's time budget (regex-budget.ts); once it is spent, values count as not matching
 *   (budgeted-regex.ts; the browser build has no vm and runs it on RegExp alone).
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

import type { PatternTester } from "./budgeted-regex.js";

/**
 * The browser build's stand-in for budgeted-regex.ts (package.json's `browser` field swaps the
 * file): a page has no vm to stop a pattern after a time limit, and ajv validates synchronously, so
 * patterns with lookarounds or backreferences run on RegExp alone, as every other browser-side
 * validator runs them. The contract's author and the test's requests are the page's own.
 */
export const REGEX_TIME_LIMIT_MS = Number.POSITIVE_INFINITY;

export type { PatternTester };

export function budgetedTester(regex: RegExp): PatternTester {
  return { toString: () => `budgeted:${regex.toString()}`, test: (input: string) => regex.test(input) };
}

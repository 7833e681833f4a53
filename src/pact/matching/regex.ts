import { RE2JS } from "re2js";
import { guardedRegExp } from "../../schema/regex.js";

export interface RegexTester {
  /** True when the pattern matches the whole of `input`, as Pact's core requires (`\d{1,4}` refuses `9999X`). */
  test(input: string): boolean;
  /** Which engine runs the pattern: `re2:/.../` (linear time), or the schema validator's guarded one. */
  toString(): string;
}

const compiled = new Map<string, RegexTester | null>();

/**
 * Pact regexes are Rust `regex` syntax, which RE2 shares (no lookarounds, no backreferences, `(?i)`
 * flags): RE2JS runs them in linear time, so a request cannot stall the stub server. What RE2JS
 * refuses goes to the guarded engine the schema validator uses. Undefined: the pattern is invalid.
 * Pact's core matches the whole value (`a|b` refuses `axx`, `b$` refuses `ab`): the pattern is
 * anchored at both ends as one group, so every alternative must span the value.
 */
export function pactRegex(pattern: string): RegexTester | undefined {
  let tester = compiled.get(pattern);
  if (tester === undefined) {
    tester = compile(pattern);
    compiled.set(pattern, tester);
  }
  return tester ?? undefined;
}

function compile(pattern: string): RegexTester | null {
  try {
    const re2 = RE2JS.compile(pattern);
    // Named like the schema's testers (`re2:/.../`), so what runs a pattern can be seen, and tested.
    return { test: (input) => re2.matcher(input).matches(), toString: () => `re2:/${pattern}/` };
  } catch {
    try {
      return guardedRegExp(`^(?:${pattern})$`, "u");
    } catch {
      return null;
    }
  }
}

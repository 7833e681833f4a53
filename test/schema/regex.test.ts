import { describe, expect, it } from "vitest";
import { guardedRegExp, REGEX_TIME_LIMIT_MS } from "../../src/schema/regex.js";

describe("guarded pattern engine", () => {
  // Linear time is a property of the engine, not a stopwatch reading: a pattern that could backtrack
  // runs on RE2 (each input character is looked at a bounded number of times), and the hostile value
  // still gets its answer.
  it.each([
    ["^(a+)+$", `${"a".repeat(5000)}!`],
    ["^(a|aa)+$", `${"a".repeat(5000)}b`],
    ["^(\\w+\\s?)*$", `${"word ".repeat(2000)}!`],
  ])("runs %s on the linear-time engine, and refuses a hostile value", (pattern, input) => {
    const tester = guardedRegExp(pattern, "u");
    expect(String(tester)).toBe(`re2:/${pattern}/`);
    expect(tester.test(input)).toBe(false);
  });

  it("still matches what the pattern accepts", () => {
    expect(guardedRegExp("^(a|aa)+$", "u").test("aaaa")).toBe(true);
    expect(guardedRegExp("^[\\w\\-]+$", "u").test("a-b")).toBe(true); // invalid with `u`, valid without
  });

  it("bounds a lookaround pattern RE2 cannot run by a time limit", () => {
    // The time limit is the behaviour here: no linear engine runs lookarounds.
    const tester = guardedRegExp("^(?=(a+)+$)x", "u");
    expect(String(tester)).toMatch(/^budgeted:/);
    const start = performance.now();
    expect(tester.test(`${"a".repeat(40)}!`)).toBe(false);
    expect(performance.now() - start).toBeLessThan(REGEX_TIME_LIMIT_MS * 4);
  });
});

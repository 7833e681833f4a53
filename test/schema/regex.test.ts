import { describe, expect, it } from "vitest";
import { guardedRegExp } from "../../src/schema/regex.js";

const timed = (fn: () => boolean) => {
  const start = performance.now();
  const result = fn();
  return { result, ms: performance.now() - start };
};

describe("guarded pattern engine", () => {
  it.each([
    ["^(a+)+$", `${"a".repeat(5000)}!`],
    ["^(a|aa)+$", `${"a".repeat(5000)}b`],
    ["^(\\w+\\s?)*$", `${"word ".repeat(2000)}!`],
  ])("matches %s against a hostile value in linear time", (pattern, input) => {
    const { result, ms } = timed(() => guardedRegExp(pattern, "u").test(input));
    expect(result).toBe(false);
    expect(ms).toBeLessThan(1000);
  });

  it("still matches what the pattern accepts", () => {
    expect(guardedRegExp("^(a|aa)+$", "u").test("aaaa")).toBe(true);
    expect(guardedRegExp("^[\\w\\-]+$", "u").test("a-b")).toBe(true); // invalid with `u`, valid without
  });

  it("bounds a lookaround pattern RE2 cannot run by a time limit", () => {
    const tester = guardedRegExp("^(?=(a+)+$)x", "u");
    const { result, ms } = timed(() => tester.test(`${"a".repeat(40)}!`));
    expect(result).toBe(false);
    expect(ms).toBeLessThan(1000);
  });
});

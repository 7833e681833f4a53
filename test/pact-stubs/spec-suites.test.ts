import { afterAll, describe, expect, it } from "vitest";
import { actualFromMockRequest, describeMismatch, matchRequest } from "../../src/pact/matching/index.js";
import { requestCases, SPEC_VERSIONS, suitesPresent } from "./spec-case.js";

/**
 * mockpact's request matcher against the request cases of the Pact specification (V1 to V4): each
 * case gives the specification's verdict, or is listed here with the reason it is not.
 */
const DIFFERENCES: Record<string, string> = {};

const tally = new Map<string, { agreed: number; differed: number; skipped: number }>();

if (!suitesPresent()) {
  console.log("Pact specification cases not found at ../shared/pact-suites: the matching table is skipped");
  describe.skip("Pact specification request cases", () => it("needs ../shared/pact-suites", () => undefined));
} else {
  for (const version of Object.keys(SPEC_VERSIONS)) {
    const cases = requestCases(version);
    const counts = { agreed: 0, differed: 0, skipped: 0 };
    tally.set(version, counts);
    describe(`Pact specification ${version} request cases`, () => {
      it.each(cases.map((c) => [c.id, c] as const))("%s", (_id, c) => {
        const mismatches = matchRequest(c.expected, actualFromMockRequest(c.actual));
        const verdict = mismatches.length === 0;
        const listed = DIFFERENCES[c.id];
        if (verdict === c.match) counts.agreed++;
        else counts.differed++;
        const detail = `${c.comment}: ${mismatches.map(describeMismatch).join("; ") || "matched"}`;
        if (listed) expect(verdict, `listed as a difference (${listed}) but agrees: ${detail}`).not.toBe(c.match);
        else expect(verdict, detail).toBe(c.match);
      });
    });
  }
  afterAll(() => {
    const lines = [...tally].map(([v, t]) => `${v}: ${t.agreed} agreed, ${t.differed} differed, ${t.skipped} skipped`);
    console.log(`Pact specification request cases\n  ${lines.join("\n  ")}`);
  });
}

import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkCompat, COMPAT_RULES, compatFindings } from "../../src/compat/index.js";
import { GOLDEN } from "./cases/golden.js";
import { smvVerdicts } from "./smv.js";

const CASES = path.resolve("test/compat/cases");
const tally = { agreed: 0, differed: 0 };
let theirs: Map<string, boolean>;

beforeAll(async () => {
  theirs = await smvVerdicts(GOLDEN, CASES);
});

/** The golden table, through mockpact compat and swagger-mock-validator side by side. */
describe("compat side by side with swagger-mock-validator", () => {
  it.each(GOLDEN.map((c) => [c.pact, c] as const))("%s", async (_name, c) => {
    const ours = await checkCompat({
      pacts: [path.join(CASES, "pacts", c.pact)],
      contracts: [path.join(CASES, "contracts", c.contract)],
    });
    expect([...new Set(compatFindings(ours).map((f) => f.rule))].sort()).toEqual(c.rules);
    const smvPasses = theirs.get(c.pact);
    if (c.smvDiffers) expect(ours.ok, `listed as a deliberate difference: ${c.smvDiffers}`).not.toBe(smvPasses);
    else expect(ours.ok, "the pass/fail verdict of swagger-mock-validator").toBe(smvPasses);
    if (c.smvDiffers) tally.differed++;
    else tally.agreed++;
  });

  it("covers every HTTP rule code, with at least 30 pact/contract pairs (message rules: messages.test.ts)", () => {
    const covered = new Set(GOLDEN.flatMap((c) => c.rules));
    expect(Object.keys(COMPAT_RULES).filter((rule) => !rule.startsWith("message.") && !covered.has(rule))).toEqual([]);
    expect(GOLDEN.length).toBeGreaterThanOrEqual(30);
  });

  afterAll(() =>
    console.log(
      `swagger-mock-validator side by side: ${GOLDEN.length} pairs, ${tally.agreed} verdicts agreed, ${tally.differed} deliberate differences`,
    ),
  );
});

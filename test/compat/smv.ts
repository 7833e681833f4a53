import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { SwaggerMockValidatorFactory } from "@pactflow/swagger-mock-validator";
import type { GoldenCase } from "./cases/golden.js";

/**
 * swagger-mock-validator's pass/fail verdict for each golden case. It takes about half a second per
 * call (it re-validates the contract each time), so the golden pacts are merged into one pact per
 * contract and specification version, and each interaction's verdict is read from the errors that
 * name it (the golden interactions have unique descriptions).
 */
export async function smvVerdicts(cases: GoldenCase[], root: string): Promise<Map<string, boolean>> {
  const dir = mkdtempSync(path.join(tmpdir(), "mockpact-smv-"));
  const validator = SwaggerMockValidatorFactory.create();
  const verdicts = new Map<string, boolean>();
  try {
    for (const [key, group] of groupCases(cases, root)) {
      const merged = { ...group[0]!.doc, interactions: group.flatMap((g) => g.doc.interactions) };
      const file = path.join(dir, `${key.replace(/[^\w.-]/g, "_")}.json`);
      writeFileSync(file, JSON.stringify(merged));
      const result = await validator.validate({
        specPathOrUrl: path.join(root, "contracts", group[0]!.contract),
        mockPathOrUrl: file,
      });
      const failed = new Set(result.errors.map((e) => e.mockDetails?.interactionDescription));
      for (const g of group) verdicts.set(g.pact, !g.doc.interactions.some((i) => failed.has(i.description)));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return verdicts;
}

interface LoadedPact {
  pact: string;
  contract: string;
  doc: { interactions: Array<{ description: string }>; metadata?: { pactSpecification?: { version?: string } } };
}

function groupCases(cases: GoldenCase[], root: string): Map<string, LoadedPact[]> {
  const groups = new Map<string, LoadedPact[]>();
  for (const c of cases) {
    const doc = JSON.parse(readFileSync(path.join(root, "pacts", c.pact), "utf8")) as LoadedPact["doc"];
    const key = `${c.contract}-${doc.metadata?.pactSpecification?.version ?? "1"}`;
    groups.set(key, [...(groups.get(key) ?? []), { pact: c.pact, contract: c.contract, doc }]);
  }
  return groups;
}

import type { Finding } from "../report/model.js";
import { severityOf, type CompatRule, type Severity } from "./rules.js";

/** One finding of compat: a rule broken by one interaction, with where in the pact and in the contract. */
export interface CompatFinding {
  rule: CompatRule;
  severity: Severity;
  message: string;
  /** JSON pointer into the pact file: `/interactions/2/response/body/items/0/price`. */
  pactPointer: string;
  /** Where in the contract; `line` when the contract's text shows it. */
  contract?: { file: string; pointer: string; line?: number };
  operationId?: string;
}

export function compatFinding(
  rule: CompatRule,
  message: string,
  pactPointer: string,
  extra: Pick<CompatFinding, "contract" | "operationId"> = {},
): CompatFinding {
  return { rule, severity: severityOf(rule), message, pactPointer, ...extra };
}

/** A compat finding in the report model every reporter reads. */
export function toReportFinding(f: CompatFinding): Finding {
  return {
    source: "compat",
    level: f.severity,
    rule: f.rule,
    message: f.message,
    pactPointer: f.pactPointer,
    ...(f.contract ? { contractPlace: f.contract } : {}),
    ...(f.operationId ? { operationId: f.operationId } : {}),
  };
}

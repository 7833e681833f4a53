import { checkMessage } from "../pact/message-check.js";
import type { MessageContracts } from "../pact/message-contracts.js";
import type { PactMessage } from "../pact/read-messages.js";
import type { Case } from "../report/model.js";
import type { ContractLines } from "./contract-lines.js";
import { displayPath } from "./contract-lines.js";
import { compatFinding, toReportFinding, type CompatFinding } from "./finding.js";
import { consumerRelevant } from "./response-body.js";

/**
 * The messages a consumer expects, against the provider's message contract: the AsyncAPI message
 * of the channel the pact's metadata names (or the `--message-schema` choice), its payload schema
 * checked like an expected response body (the consumer may name fewer properties, so `required`
 * does not apply; a property the schema forbids is an error of its own rule).
 */
export function checkMessages(
  messages: PactMessage[],
  contracts: MessageContracts,
  lines: ContractLines,
  failOn: "error" | "warning",
): Case[] {
  return messages.map((message) => {
    const findings = findingsOf(message, contracts, lines);
    const failing = findings.some((f) => f.severity === "error" || failOn === "warning");
    return {
      name: message.description,
      status: failing ? "failed" : "passed",
      findings: findings.map(toReportFinding),
    };
  });
}

function findingsOf(message: PactMessage, contracts: MessageContracts, lines: ContractLines): CompatFinding[] {
  const verdict = checkMessage(contracts, message);
  if (verdict.kind === "unchecked") return [];
  if (verdict.kind === "unknown") return [compatFinding("message.unknown", verdict.why, message.pointer)];
  const line = lines.lineOf(verdict.file, verdict.pointer);
  const contract = { file: displayPath(verdict.file), pointer: verdict.pointer, ...(line ? { line } : {}) };
  return consumerRelevant(verdict.violations).map((v) => {
    const forbidden = v.keyword === "additionalProperties" || v.keyword === "unevaluatedProperties";
    return compatFinding(
      forbidden ? "message.body.property.forbidden" : "message.body.incompatible",
      v.message,
      `${message.pointer}${v.where}`,
      { operationId: verdict.name, contract },
    );
  });
}

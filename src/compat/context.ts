import type { Contract, Operation, ResponseSpec } from "../contract/model.js";
import { getAtPointer, isObject, joinPointer, resolveLocal } from "../contract/pointer.js";
import type { PactHttpInteraction } from "../pact/http-interaction.js";
import type { SchemaRegistry } from "../schema/registry.js";
import { displayPath, type ContractLines } from "./contract-lines.js";
import { compatFinding, type CompatFinding } from "./finding.js";
import type { CompatRule } from "./rules.js";

/** One interaction and the operation it was found to call: what every check reads. */
export interface InteractionContext {
  interaction: PactHttpInteraction;
  contract: Contract;
  operation: Operation;
  registry: SchemaRegistry;
  /** Path parameters as the router read them from the interaction's path (decoded). */
  pathParams: Record<string, string>;
  lines: ContractLines;
}

/** A finding about this interaction, placed in the contract at `pointer` (default: the operation). */
export function findingAt(
  ctx: InteractionContext,
  rule: CompatRule,
  message: string,
  pactPointer: string,
  pointer = ctx.operation.source.pointer,
): CompatFinding {
  const file = ctx.contract.file;
  const line = ctx.lines.lineOf(file, pointer);
  return compatFinding(rule, message, pactPointer, {
    operationId: ctx.operation.operationId,
    contract: { file: displayPath(file), pointer, ...(line ? { line } : {}) },
  });
}

/**
 * Where a documented response is written: through its `$ref` (`#/components/responses/NotFound`),
 * under the key the document uses (the model upper-cases `default` and `2xx`).
 */
export function responsePointer(ctx: InteractionContext, spec: ResponseSpec): string {
  const base = joinPointer(ctx.operation.source.pointer, "responses");
  const responses = getAtPointer(ctx.contract.document, base);
  const key = isObject(responses) ? Object.keys(responses).find((k) => k.toUpperCase() === spec.status) : undefined;
  const pointer = joinPointer(base, key ?? spec.status);
  return resolveLocal(ctx.contract.document, getAtPointer(ctx.contract.document, pointer), pointer)?.pointer ?? pointer;
}

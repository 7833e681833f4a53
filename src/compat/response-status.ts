import type { Operation, ResponseSpec } from "../contract/model.js";
import { joinPointer } from "../contract/pointer.js";
import { findingAt, responsePointer, type InteractionContext } from "./context.js";
import type { CompatFinding } from "./finding.js";

/** The documented response for a status: exact, else its range (`4XX`), else `default`. */
export function documentedResponseFor(operation: Operation, status: number): ResponseSpec | undefined {
  const code = String(status);
  return (
    operation.responses.find((s) => s.status === code) ??
    operation.responses.find((s) => s.status === `${code[0]}XX`) ??
    operation.responses.find((s) => s.status === "DEFAULT")
  );
}

/** The response the interaction's status calls for, with a finding when none, or only `default`, documents it. */
export function statusFindings(ctx: InteractionContext): { spec: ResponseSpec | undefined; findings: CompatFinding[] } {
  const status = ctx.interaction.response.status;
  const spec = documentedResponseFor(ctx.operation, status);
  const at = `${ctx.interaction.pointer}/response/status`;
  if (!spec) {
    const documented = ctx.operation.responses.map((r) => r.status.toLowerCase()).join(", ") || "none";
    const pointer = joinPointer(ctx.operation.source.pointer, "responses");
    return {
      spec,
      findings: [
        findingAt(
          ctx,
          "response.status.unknown",
          `status ${status} is not documented for ${ctx.operation.operationId} (documented: ${documented})`,
          at,
          pointer,
        ),
      ],
    };
  }
  if (spec.status !== "DEFAULT") return { spec, findings: [] };
  return {
    spec,
    findings: [
      findingAt(
        ctx,
        "response.status.default",
        `status ${status} is documented only by the default response of ${ctx.operation.operationId}`,
        at,
        responsePointer(ctx, spec),
      ),
    ],
  };
}

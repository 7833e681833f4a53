import { documentedResponseFor } from "./response-status.js";
import { findingAt, type InteractionContext } from "./context.js";
import type { CompatFinding } from "./finding.js";
import type { RequestInput } from "./request-input.js";
import { joinPointer } from "../contract/pointer.js";
import { matchRequestMediaType, negotiateMediaType } from "../http/media-type.js";

/** Content-Type against what the operation accepts, and a body where none is documented. */
export function contentTypeFindings(ctx: InteractionContext, input: RequestInput): CompatFinding[] {
  const at = `${ctx.interaction.pointer}/request`;
  const spec = ctx.operation.requestBody;
  const declared = Object.keys(spec?.content ?? {});
  const findings: CompatFinding[] = [];
  if (input.body && !spec)
    findings.push(
      findingAt(
        ctx,
        "request.body.unknown",
        `the interaction sends a body, but ${ctx.operation.operationId} documents no request body`,
        `${at}/body`,
      ),
    );
  if (input.body && input.contentTypeGuessed)
    findings.push(
      findingAt(
        ctx,
        "request.content-type.missing",
        `the interaction sends a body without a Content-Type header (read as ${input.contentType})`,
        `${at}/headers`,
      ),
    );
  const sendsType = input.body !== undefined || ctx.interaction.request.headers.has("content-type");
  if (sendsType && declared.length > 0 && matchRequestMediaType(input.contentType, declared) === undefined) {
    const pointer = joinPointer(ctx.operation.source.pointer, "requestBody");
    findings.push(
      findingAt(
        ctx,
        "request.content-type.incompatible",
        `Content-Type ${input.contentType ?? "(none)"} is not one ${ctx.operation.operationId} accepts (${declared.join(", ")})`,
        `${at}/headers`,
        pointer,
      ),
    );
  }
  return findings;
}

/** An Accept header that none of the documented response's media types satisfies: the provider would answer 406. */
export function acceptFindings(ctx: InteractionContext): CompatFinding[] {
  const accept = ctx.interaction.request.headers.get("accept")?.value;
  if (accept === undefined) return [];
  const spec = documentedResponseFor(ctx.operation, ctx.interaction.response.status);
  const available = [...new Set((spec ? [spec] : ctx.operation.responses).flatMap((r) => Object.keys(r.content)))];
  if (available.length === 0 || negotiateMediaType(accept, available) !== null) return [];
  return [
    findingAt(
      ctx,
      "request.accept.incompatible",
      `Accept "${accept}" accepts none of ${available.join(", ")}`,
      `${ctx.interaction.pointer}/request/headers`,
    ),
  ];
}

import type { MediaType, ResponseSpec } from "../contract/model.js";
import { getAtPointer, joinPointer } from "../contract/pointer.js";
import { shapeOf } from "../contract/shape.js";
import { matchRequestMediaType } from "../http/media-type.js";
import { coerceString } from "../http/params.js";
import { contentTypeOf } from "../pact/http-interaction.js";
import { findingAt, responsePointer, type InteractionContext } from "./context.js";
import type { CompatFinding } from "./finding.js";
import { guaranteeFindings } from "./guarantees.js";
import { responseMatcherFindings } from "./matchers.js";
import { bodySchemaFindings } from "./response-body.js";
import { statusFindings } from "./response-status.js";

/** The response the consumer expects against the documented one: status, headers, media type, body. */
export function checkResponse(ctx: InteractionContext): CompatFinding[] {
  const { spec, findings } = statusFindings(ctx);
  if (!spec) return findings;
  findings.push(...headerFindings(ctx, spec));
  const media = mediaOf(ctx, spec);
  if (media.finding) return [...findings, media.finding];
  if (!media.media || !media.key) return findings;
  return [
    ...findings,
    ...bodySchemaFindings(ctx, media.media, media.key),
    ...guaranteeFindings(ctx, media.media),
    ...responseMatcherFindings(ctx, media.media),
  ];
}

/** The documented media type of the body the consumer expects, or why there is none. */
function mediaOf(
  ctx: InteractionContext,
  spec: ResponseSpec,
): { media?: MediaType; key?: string; finding?: CompatFinding } {
  const response = ctx.interaction.response;
  if (response.body.kind !== "present") return {};
  const declared = Object.keys(spec.content);
  const at = `${ctx.interaction.pointer}/response`;
  const pointer = responsePointer(ctx, spec);
  if (declared.length === 0)
    return {
      finding: findingAt(
        ctx,
        "response.body.unknown",
        `the consumer expects a body, but response ${spec.status.toLowerCase()} of ${ctx.operation.operationId} documents none`,
        response.body.pointer,
        pointer,
      ),
    };
  const contentType = contentTypeOf(response.headers, response.body);
  const key = matchRequestMediaType(contentType, declared);
  if (key === undefined)
    return {
      finding: findingAt(
        ctx,
        "response.content-type.incompatible",
        `the consumer expects ${contentType}; response ${spec.status.toLowerCase()} documents ${declared.join(", ")}`,
        `${at}/headers`,
        joinPointer(pointer, "content"),
      ),
    };
  return { media: spec.content[key], key };
}

/** Each header the consumer expects: documented, and its value valid against the documented schema. */
function headerFindings(ctx: InteractionContext, spec: ResponseSpec): CompatFinding[] {
  const findings: CompatFinding[] = [];
  const at = `${ctx.interaction.pointer}/response/headers`;
  for (const [key, { name, value }] of ctx.interaction.response.headers) {
    if (key === "content-type") continue;
    const documented = spec.headers.find((h) => h.name.toLowerCase() === key);
    if (!documented) {
      findings.push(
        findingAt(
          ctx,
          "response.header.unknown",
          `the consumer expects the header ${name}, which response ${spec.status.toLowerCase()} of ${ctx.operation.operationId} does not document`,
          at,
          responsePointer(ctx, spec),
        ),
      );
      continue;
    }
    if (!documented.schema) continue;
    const doc = ctx.contract.document;
    const node =
      "pointer" in documented.schema ? getAtPointer(doc, documented.schema.pointer) : documented.schema.inline;
    const violations = ctx.registry.validate(documented.schema, coerceString(value, shapeOf(doc, node)), {
      direction: "response",
      in: "response.header",
      name,
    });
    const pointer = "pointer" in documented.schema ? documented.schema.pointer : responsePointer(ctx, spec);
    findings.push(...violations.map((v) => findingAt(ctx, "response.header.incompatible", v.message, at, pointer)));
  }
  return findings;
}

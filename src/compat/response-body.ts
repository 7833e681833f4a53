import type { MediaType } from "../contract/model.js";
import { isJsonMediaType } from "../http/media-type.js";
import type { Violation } from "../schema/violation.js";
import { findingAt, type InteractionContext } from "./context.js";
import type { CompatFinding } from "./finding.js";
import { nodeOf, schemaAt } from "./schema-walk.js";

/**
 * The body the consumer expects against the response schema. The consumer may name fewer
 * properties than the provider sends, so `required` does not apply (nor a `oneOf`/`anyOf` that
 * fails only for it); a property the schema forbids is an error of its own rule.
 */
export function bodySchemaFindings(ctx: InteractionContext, media: MediaType, mediaKey: string): CompatFinding[] {
  const body = ctx.interaction.response.body;
  if (
    body.kind !== "present" ||
    !media.schema ||
    !isJsonMediaType(mediaKey) ||
    (typeof body.value === "string" && !isJsonText(body.value))
  )
    return [];
  const violations = ctx.registry.validate(media.schema, body.value, { direction: "response", in: "response.body" });
  const root = nodeOf(ctx.contract.document, media.schema);
  return consumerRelevant(violations).map((v) => {
    const rule =
      v.keyword === "additionalProperties" || v.keyword === "unevaluatedProperties"
        ? "response.body.property.forbidden"
        : "response.body.incompatible";
    const schemaPointer =
      schemaAt(ctx.contract.document, root, v.keyword === "additionalProperties" ? parentOf(v.where) : v.where)
        ?.pointer ?? root?.pointer;
    return findingAt(ctx, rule, v.message, `${body.pointer}${v.where}`, schemaPointer);
  });
}

/** Drops `required`, then a `oneOf`/`anyOf` failure with no other violation at or below it (it failed only for `required`). */
export function consumerRelevant(violations: Violation[]): Violation[] {
  const rest = violations.filter((v) => v.keyword !== "required");
  return rest.filter(
    (v) =>
      !(v.keyword === "oneOf" || v.keyword === "anyOf") ||
      rest.some(
        (o) =>
          o !== v &&
          o.keyword !== "oneOf" &&
          o.keyword !== "anyOf" &&
          (o.where === v.where || o.where.startsWith(`${v.where}/`)),
      ),
  );
}

function parentOf(pointer: string): string {
  return pointer.slice(0, Math.max(0, pointer.lastIndexOf("/")));
}

function isJsonText(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

import type { MediaType } from "../contract/model.js";
import { getAtPointer, isObject } from "../contract/pointer.js";
import { findingAt, type InteractionContext } from "./context.js";
import type { CompatFinding } from "./finding.js";
import { consumerRelevant } from "./response-body.js";
import { itemsOf, nodeOf, objectFacts, type BranchTest, type SchemaNode } from "./schema-walk.js";

const MAX_FINDINGS = 50;

/**
 * What the consumer relies on that the schema does not promise: a property declared but not
 * required (warning), one not declared where extra properties are allowed (warning), one that is
 * `writeOnly` (error: the provider never returns it). Repeats in list items are reported once.
 * Declared means declared by any `allOf` part, or by the `oneOf`/`anyOf` branch the value matches.
 */
export function guaranteeFindings(ctx: InteractionContext, media: MediaType): CompatFinding[] {
  const body = ctx.interaction.response.body;
  const root = nodeOf(ctx.contract.document, media.schema);
  if (body.kind !== "present" || !root) return [];
  const findings = new Map<string, CompatFinding>();
  const visit = (value: unknown, node: SchemaNode, pointer: string, shape: string, depth: number) => {
    if (depth > 64 || findings.size >= MAX_FINDINGS) return;
    if (Array.isArray(value)) {
      const items = itemsOf(ctx.contract.document, node);
      if (items) value.forEach((item, i) => visit(item, items, `${pointer}/${i}`, `${shape}/*`, depth + 1));
      return;
    }
    if (!isObject(value)) return;
    const facts = objectFacts(ctx.contract.document, node, branchesMatching(ctx, value));
    for (const [key, item] of Object.entries(value)) {
      const child = facts.properties.get(key);
      const at = `${pointer}/${key.replace(/~/g, "~0").replace(/\//g, "~1")}`;
      const note = (
        rule:
          "response.body.property.optional" | "response.body.property.undeclared" | "response.body.property.forbidden",
        message: string,
        schemaPointer: string,
      ) => {
        const id = `${rule} ${shape}/${key}`;
        if (!findings.has(id))
          findings.set(id, findingAt(ctx, rule, `${at}: ${message}`, `${body.pointer}${at}`, schemaPointer));
      };
      if (!child) {
        if (!facts.closed && !facts.isMap)
          note(
            "response.body.property.undeclared",
            "the consumer relies on a property the schema does not declare (extra properties are allowed, not promised)",
            node.pointer,
          );
        continue;
      }
      if (child.schema.writeOnly === true)
        note(
          "response.body.property.forbidden",
          "the consumer expects a writeOnly property, which the provider never returns",
          child.pointer,
        );
      else if (!facts.required.has(key))
        note(
          "response.body.property.optional",
          "the consumer relies on a property the schema does not require: the provider may leave it out",
          child.pointer,
        );
      visit(item, child, at, `${shape}/${key}`, depth + 1);
    }
  };
  visit(body.value, root, "", "", 0);
  return [...findings.values()];
}

/**
 * A branch matches a value the consumer expects when the value breaks nothing in it but `required`
 * (a consumer may name fewer properties than the provider sends). A branch that is not where its
 * pointer says (inside an inline schema) cannot be compiled alone, and counts as matching.
 */
function branchesMatching(ctx: InteractionContext, value: unknown): BranchTest {
  return (branch) => {
    if (getAtPointer(ctx.contract.document, branch.pointer) !== branch.schema) return true;
    const violations = ctx.registry.validate({ pointer: branch.pointer }, value, {
      direction: "response",
      in: "response.body",
    });
    return consumerRelevant(violations).length === 0;
  };
}

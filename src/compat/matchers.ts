import type { MediaType } from "../contract/model.js";
import { matchRequestMediaType } from "../http/media-type.js";
import type { PactBody } from "../pact/http-interaction.js";
import { checkRule, selectRules, type MatchingRule, type RuleEntry } from "../pact/matching/index.js";
import { findingAt, type InteractionContext } from "./context.js";
import type { CompatFinding } from "./finding.js";
import type { RequestInput } from "./request-input.js";
import { valuesOf } from "./pact-values.js";
import { nodeOf, schemaAt, type SchemaNode } from "./schema-walk.js";
import { formatSample } from "./format-samples.js";

/**
 * A request matcher that lets the consumer send any value of a type where the schema takes only an
 * enum: the consumer's code may send a value the provider refuses.
 */
export function requestMatcherFindings(ctx: InteractionContext, input: RequestInput): CompatFinding[] {
  const request = ctx.interaction.request;
  const content = ctx.operation.requestBody?.content ?? {};
  const media = content[matchRequestMediaType(input.contentType, Object.keys(content)) ?? ""];
  return walk(ctx, request.body, request.rules.body, media, (rule, node, value) => {
    const allowed = enumOf(node.schema);
    if (!allowed || !(rule.match === "type" || rule.match === "regex")) return undefined;
    return {
      rule: "request.body.matcher.incompatible",
      message: `the ${rule.match} matcher lets the consumer send any ${typeof value} here, but the schema takes only ${JSON.stringify(allowed)}`,
    };
  });
}

/** Response matchers that reject values the schema allows: the provider may send them and fail the pact. */
export function responseMatcherFindings(ctx: InteractionContext, media: MediaType | undefined): CompatFinding[] {
  const response = ctx.interaction.response;
  return walk(ctx, response.body, response.rules.body, media, (rule, node, value) => {
    const rejected = rejectedBy(rule, node.schema, value);
    return rejected === undefined ? undefined : { rule: "response.body.matcher.incompatible", message: rejected };
  });
}

type Check = (
  rule: MatchingRule,
  node: SchemaNode,
  value: unknown,
) => { rule: "request.body.matcher.incompatible" | "response.body.matcher.incompatible"; message: string } | undefined;

function walk(
  ctx: InteractionContext,
  body: PactBody,
  rules: RuleEntry[] | undefined,
  media: MediaType | undefined,
  check: Check,
): CompatFinding[] {
  if (body.kind !== "present" || !rules || !media?.schema) return [];
  const root = nodeOf(ctx.contract.document, media.schema);
  const findings = new Map<string, CompatFinding>();
  for (const { value, path, pointer } of valuesOf(body.value)) {
    const selected = selectRules(rules, path);
    const node = selected && schemaAt(ctx.contract.document, root, pointer);
    if (!selected || !node) continue;
    for (const rule of selected.list.rules) {
      const found = check(rule, node, value);
      const key = `${found?.rule} ${node.pointer} ${found?.message}`;
      if (found && !findings.has(key))
        findings.set(
          key,
          findingAt(
            ctx,
            found.rule,
            `${pointer || "body"}: ${found.message}`,
            `${body.pointer}${pointer}`,
            node.pointer,
          ),
        );
    }
  }
  return [...findings.values()];
}

/** Why a matcher refuses some value the schema allows, where that can be decided. */
function rejectedBy(rule: MatchingRule, schema: Record<string, unknown>, value: unknown): string | undefined {
  const allowed = enumOf(schema);
  if (rule.match === "regex" && allowed) {
    const refused = allowed.filter((v) => checkRule(rule, v, v, { cascaded: false, text: true }) !== undefined);
    if (refused.length > 0)
      return `the schema allows ${JSON.stringify(refused)}, which the regex /${String(rule.regex)}/ rejects`;
  }
  const sample = typeof schema.format === "string" ? formatSample(schema.format) : undefined;
  if (
    sample !== undefined &&
    ["regex", "date", "time", "datetime", "timestamp"].includes(rule.match) &&
    checkRule(rule, sample, sample, { cascaded: false, text: true }) !== undefined
  ) {
    return `the schema allows any ${schema.format} (such as "${sample}"), which the ${rule.match} matcher rejects`;
  }
  if (rule.match === "integer" && typesOf(schema).includes("number"))
    return "the schema allows any number, the integer matcher only integers";
  if (rule.match === "type" && value !== null && allowsNull(schema))
    return `the schema allows null, the type matcher only a ${Array.isArray(value) ? "list" : typeof value === "object" ? "map" : typeof value}`;
  return undefined;
}

function enumOf(schema: Record<string, unknown>): unknown[] | undefined {
  if (Array.isArray(schema.enum)) return schema.enum.filter((v) => v !== null);
  return schema.const !== undefined ? [schema.const] : undefined;
}

function typesOf(schema: Record<string, unknown>): string[] {
  return Array.isArray(schema.type) ? schema.type.map(String) : typeof schema.type === "string" ? [schema.type] : [];
}

function allowsNull(schema: Record<string, unknown>): boolean {
  return schema.nullable === true || typesOf(schema).includes("null");
}

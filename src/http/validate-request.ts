import type { Operation, ValueShape } from "../contract/model.js";
import { formShapeOf } from "../contract/shape.js";
import { getAtPointer } from "../contract/pointer.js";
import { regexBudget, type RegexBudget } from "../schema/regex-budget.js";
import type { SchemaRegistry } from "../schema/registry.js";
import type { Violation } from "../schema/violation.js";
import { parseBody, type BodyParseResult } from "./body.js";
import { matchRequestMediaType } from "./media-type.js";
import { foldFormFields } from "./form-fields.js";
import { readParameter, type RawRequestParts } from "./params.js";
import { checkSequence, sequenceKindOf } from "./sequential.js";

export type RequestVerdict =
  | { kind: "valid" }
  | { kind: "invalid"; status: 400 | 422; violations: Violation[] }
  | { kind: "unsupported-media-type"; contentType: string; declared: string[] };

export interface RequestInput {
  parts: RawRequestParts;
  contentType: string | undefined;
  body: Uint8Array | undefined;
  maxJsonDepth: number;
}

/**
 * Parameters by their style, then the body by its media type. Every violation is collected. 400 when
 * a parameter is wrong or the body cannot be read; 422 when only the body's content breaks its
 * schema (the caller applies the documented status: choose.ts clientErrorStatus). A body sent to an
 * operation that declares none is an unsupported media type, as Prism answers it.
 */
export function validateRequest(
  registry: SchemaRegistry,
  operation: Operation,
  input: RequestInput,
): RequestVerdict | Promise<RequestVerdict> {
  const budget = regexBudget(); // one for the whole request: parameters and body share it
  const violations = validateParameters(registry, operation, input.parts, input.maxJsonDepth, budget);
  // Only a multipart body is read asynchronously: every other verdict is known without a promise.
  const step = precheckBody(operation, input);
  const body = step.kind === "parse" ? parseAndCheckBody(registry, step, input, budget) : step;
  return body instanceof Promise ? body.then((b) => verdictOf(violations, b)) : verdictOf(violations, body);
}

function verdictOf(violations: Violation[], body: BodyVerdict): RequestVerdict {
  if (body.kind === "unsupported-media-type") return body;
  if (violations.length === 0 && body.violations.length === 0) return { kind: "valid" };
  const status = violations.length > 0 || body.unreadable ? 400 : 422;
  return { kind: "invalid", status, violations: [...violations, ...body.violations] };
}

function validateParameters(
  registry: SchemaRegistry,
  operation: Operation,
  parts: RawRequestParts,
  maxDepth: number,
  budget: RegexBudget,
): Violation[] {
  const violations: Violation[] = [];
  for (const param of operation.parameters) {
    const reading = readParameter(param, parts, { maxDepth });
    if (reading.violation) violations.push(reading.violation);
    else if (!reading.present) {
      if (param.required)
        violations.push({
          in: param.in,
          where: param.name,
          keyword: "required",
          message: `${param.in} parameter ${param.name} is required`,
        });
    } else
      violations.push(
        ...registry.validate(param.schema, reading.value, {
          direction: "request",
          in: param.in,
          name: param.name,
          budget,
        }),
      );
  }
  return violations;
}

type BodyVerdict =
  | { kind: "checked"; violations: Violation[]; unreadable: boolean }
  | { kind: "unsupported-media-type"; contentType: string; declared: string[] };

type BodyToParse = { kind: "parse"; spec: NonNullable<Operation["requestBody"]>; body: Uint8Array; mediaKey: string };

/** The body checks that need no parsing: no body declared or sent, no media type declared, an undeclared one. */
function precheckBody(operation: Operation, input: RequestInput): BodyVerdict | BodyToParse {
  const spec = operation.requestBody;
  const empty = input.body === undefined || input.body.length === 0;
  if (!spec)
    return empty
      ? { kind: "checked", violations: [], unreadable: false }
      : { kind: "unsupported-media-type", contentType: input.contentType ?? "(none)", declared: [] };
  if (empty) {
    const violations: Violation[] = spec.required
      ? [{ in: "body", where: "", keyword: "required", message: "request body is required" }]
      : [];
    return { kind: "checked", violations, unreadable: false };
  }
  const declared = Object.keys(spec.content);
  if (declared.length === 0) return { kind: "checked", violations: [], unreadable: false };
  const mediaKey = matchRequestMediaType(input.contentType, declared);
  if (mediaKey === undefined)
    return { kind: "unsupported-media-type", contentType: input.contentType ?? "(none)", declared };
  return { kind: "parse", spec, body: input.body!, mediaKey };
}

function parseAndCheckBody(
  registry: SchemaRegistry,
  step: BodyToParse,
  input: RequestInput,
  budget: RegexBudget,
): BodyVerdict | Promise<BodyVerdict> {
  const { spec, body: raw, mediaKey } = step;
  const itemSchema = spec.content[mediaKey]?.itemSchema;
  const sequence = sequenceKindOf(mediaKey);
  if (itemSchema && sequence)
    return { kind: "checked", ...checkSequence(registry, itemSchema, sequence, raw, input.maxJsonDepth) };
  const parsed = parseBody(raw, input.contentType, { maxDepth: input.maxJsonDepth });
  return parsed instanceof Promise
    ? parsed.then((p) => checkParsedBody(registry, step, p, budget))
    : checkParsedBody(registry, step, parsed, budget);
}

function checkParsedBody(
  registry: SchemaRegistry,
  { spec, mediaKey }: BodyToParse,
  parsed: BodyParseResult,
  budget: RegexBudget,
): BodyVerdict {
  if (parsed.violation) return { kind: "checked", violations: [parsed.violation], unreadable: true };
  const media = spec.content[mediaKey];
  const body = parsed.body;
  if (!media?.schema || body.kind === "none" || body.kind === "binary")
    return { kind: "checked", violations: [], unreadable: false };
  const value =
    body.kind === "form" || body.kind === "multipart" ? coerceFields(registry, media.schema, body.value) : body.value;
  return {
    kind: "checked",
    violations: registry.validate(media.schema, value, { direction: "request", in: "body", budget }),
    unreadable: false,
  };
}

const formShapes = new WeakMap<object, Record<string, ValueShape>>();

/** Form fields arrive as strings: fold bracketed names and coerce each by its property's shape, as query parameters are. */
function coerceFields(
  registry: SchemaRegistry,
  ref: NonNullable<Operation["requestBody"]>["content"][string]["schema"] & object,
  fields: Record<string, unknown>,
): Record<string, unknown> {
  let shapes = formShapes.get(ref);
  if (!shapes) {
    const doc = registry.contract.document;
    const schema = "pointer" in ref ? getAtPointer(doc, ref.pointer) : ref.inline;
    shapes = formShapeOf(doc, schema).properties ?? {};
    formShapes.set(ref, shapes);
  }
  return foldFormFields(fields, shapes);
}

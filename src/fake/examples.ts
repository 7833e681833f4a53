import type { MediaType, SchemaRef } from "../contract/model.js";
import { getAtPointer, isObject, resolveLocal } from "../contract/pointer.js";

export interface ExampleCandidate {
  name?: string;
  value: unknown;
  /** Asked for by name (`Prefer: example=x`): served even when it breaks its schema, with a warning. */
  explicit: boolean;
}

/** The contract's own examples for a media type, in the order the mock tries them (DESIGN, step 5). */
export function exampleCandidates(doc: Record<string, unknown>, media: MediaType, wanted?: string): ExampleCandidate[] {
  const candidates: ExampleCandidate[] = [];
  // Own names only: `Prefer: example=constructor` names no example, whatever Object.prototype holds.
  if (wanted !== undefined && Object.hasOwn(media.examples, wanted))
    candidates.push({ name: wanted, value: media.examples[wanted], explicit: true });
  for (const [name, value] of Object.entries(media.examples))
    if (name !== wanted) candidates.push({ name, value, explicit: false });
  if (media.example !== undefined) candidates.push({ value: media.example, explicit: false });
  const fromSchema = media.schema ? schemaExample(doc, media.schema) : undefined;
  if (fromSchema !== undefined) candidates.push({ value: fromSchema.value, explicit: false });
  if (media.schema) for (const value of branchExamples(doc, media.schema)) candidates.push({ value, explicit: false });
  return candidates;
}

/** How deep into compositions branch examples are looked for (`oneOf` of `allOf`s of `$ref`s is two). */
const BRANCH_DEPTH = 2;

/**
 * The examples of a schema's allOf/oneOf/anyOf branches (through their `$ref`s): what the contract's
 * authors wrote for a part, tried (and checked against the whole) before any fake.
 */
export function branchExamples(doc: Record<string, unknown>, ref: SchemaRef): unknown[] {
  const start = "pointer" in ref ? getAtPointer(doc, ref.pointer) : ref.inline;
  const found: unknown[] = [];
  const visit = (node: unknown, depth: number) => {
    const schema = resolveLocal(doc, node, "")?.value;
    if (!isObject(schema) || depth > BRANCH_DEPTH) return;
    for (const key of ["allOf", "oneOf", "anyOf"] as const) {
      if (!Array.isArray(schema[key])) continue;
      for (const branch of schema[key]) {
        const example = schemaExample(doc, { inline: isObject(branch) ? branch : {} });
        if (example !== undefined) found.push(example.value);
        visit(branch, depth + 1);
      }
    }
  };
  visit(start, 1);
  return found;
}

/** `example` (3.0, 2.0) or the first of `examples` (3.1) at the root of a schema, through its `$ref`s. */
export function schemaExample(doc: Record<string, unknown>, ref: SchemaRef): { value: unknown } | undefined {
  const start = "pointer" in ref ? getAtPointer(doc, ref.pointer) : ref.inline;
  const schema = resolveLocal(doc, start, "")?.value;
  if (!isObject(schema)) return undefined;
  if ("example" in schema) return { value: schema.example };
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return { value: schema.examples[0] };
  return undefined;
}

/**
 * A copy of `value` without the properties its schema marks writeOnly: "writeOnly is never returned",
 * even when a contract's example holds one. Follows $ref, properties, items and the composition
 * keywords; bounded in depth so a circular schema cannot loop.
 */
export function withoutWriteOnly(doc: Record<string, unknown>, schema: unknown, value: unknown, depth = 0): unknown {
  const resolved = resolveLocal(doc, schema, "")?.value;
  if (!isObject(resolved) || depth > 32 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value))
    return resolved.items === undefined
      ? value
      : value.map((item) => withoutWriteOnly(doc, resolved.items, item, depth + 1));
  let result = value as Record<string, unknown>;
  const properties = isObject(resolved.properties) ? resolved.properties : {};
  for (const [name, propertySchema] of Object.entries(properties)) {
    if (!(name in result)) continue;
    const property = resolveLocal(doc, propertySchema, "")?.value;
    if (isObject(property) && property.writeOnly === true) {
      const { [name]: _dropped, ...rest } = result;
      result = rest;
    } else {
      const inner = withoutWriteOnly(doc, propertySchema, result[name], depth + 1);
      if (inner !== result[name]) result = { ...result, [name]: inner };
    }
  }
  for (const key of ["allOf", "anyOf", "oneOf"] as const) {
    const branches = resolved[key];
    if (Array.isArray(branches))
      for (const branch of branches)
        result = withoutWriteOnly(doc, branch, result, depth + 1) as Record<string, unknown>;
  }
  return result;
}

/** The oneOf/anyOf branches of a schema (through its `$ref`s and a top allOf): each a schema to fake on its own. */
export function alternativesOf(doc: Record<string, unknown>, schema: unknown): unknown[] {
  const resolved = resolveLocal(doc, schema, "")?.value;
  if (!isObject(resolved)) return [];
  const own = [
    ...(Array.isArray(resolved.oneOf) ? resolved.oneOf : []),
    ...(Array.isArray(resolved.anyOf) ? resolved.anyOf : []),
  ];
  const nested = Array.isArray(resolved.allOf) ? resolved.allOf.flatMap((part) => alternativesOf(doc, part)) : [];
  return [...own, ...nested].map((branch) =>
    isObject(branch) && typeof branch.$ref === "string" ? { $ref: branch.$ref } : branch,
  );
}

import { copyJson } from "./openapi-compat.js";
import { isJsonObject, type JsonObject } from "./pointer.js";
import { constraintsOf, fits, type RealismMark } from "./realism.js";

/**
 * A property's own example (`name: { example: Ada Lovelace }`, or the first of 3.1's `examples`),
 * used for that property where the object as a whole has none, as Prism does: the contract's authors
 * wrote it, so it reads better than any fake. Only an example that fits its schema's type, enum,
 * pattern, lengths and bounds is used; the whole body is checked again when built.
 */
export function propertyExampleMark(schema: unknown, resolve: (key: string) => unknown): RealismMark | undefined {
  const own = followRef(schema, resolve);
  if (!own) return undefined;
  // allOf parts each hold of the value: an example written on one part (`allOf: [A, { pattern, example }]`) must fit them all.
  const parts = [own, ...(Array.isArray(own.allOf) ? own.allOf.map((p) => followRef(p, resolve)) : [])].filter(
    (p): p is JsonObject => p !== undefined,
  );
  for (const part of parts) {
    const example = exampleOf(part);
    if (example !== undefined && parts.every((p) => exampleFits(example, p))) return { make: () => copyJson(example) };
  }
  return undefined;
}

/** A `$ref` sibling example (3.1) is the property's own; else the schema the `$ref` names. */
function followRef(schema: unknown, resolve: (key: string) => unknown): JsonObject | undefined {
  if (!isJsonObject(schema)) return undefined;
  const target = typeof schema.$ref === "string" && schema.$ref.startsWith("#") ? resolve(schema.$ref) : undefined;
  return exampleOf(schema) !== undefined || !isJsonObject(target) ? schema : target;
}

function exampleOf(schema: JsonObject): unknown {
  if ("example" in schema) return schema.example;
  return Array.isArray(schema.examples) && schema.examples.length > 0 ? schema.examples[0] : undefined;
}

function exampleFits(value: unknown, schema: JsonObject): boolean {
  if (!hasDeclaredType(value, schema.type, schema.nullable === true)) return false;
  if (Array.isArray(schema.enum) && !schema.enum.some((v) => JSON.stringify(v) === JSON.stringify(value))) return false;
  if (schema.const !== undefined && JSON.stringify(schema.const) !== JSON.stringify(value)) return false;
  if (typeof value === "string" && typeof schema.pattern === "string" && !matches(schema.pattern, value)) return false;
  if (typeof value === "string" || typeof value === "number") return fits(value, constraintsOf(schema));
  return true;
}

function hasDeclaredType(value: unknown, type: unknown, nullable: boolean): boolean {
  if (value === null) return nullable || type === "null" || (Array.isArray(type) && type.includes("null"));
  const types = Array.isArray(type) ? type : type === undefined ? [] : [type];
  if (types.length === 0) return true;
  return types.some((t) =>
    t === "integer"
      ? Number.isInteger(value)
      : t === "array"
        ? Array.isArray(value)
        : t === "object"
          ? isJsonObject(value)
          : typeof value === t,
  );
}

function matches(pattern: string, value: string): boolean {
  try {
    return new RegExp(pattern, "u").test(value);
  } catch {
    return false;
  }
}

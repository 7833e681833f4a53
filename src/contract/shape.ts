import type { ValueShape } from "./model.js";
import { isObject, resolveLocal } from "./pointer.js";

const PRIMITIVES = new Set(["string", "number", "integer", "boolean", "array", "object", "null"]);

/**
 * The shape of a parameter's value, read from its schema once at load: it tells the request parser
 * how to split and coerce a raw string (`?ids=1,2` into `[1, 2]`) before ajv validates it.
 */
export function shapeOf(doc: unknown, schema: unknown, depth = 0): ValueShape {
  const resolved = resolveLocal(doc, schema, "")?.value;
  if (!isObject(resolved) || depth > 4) return { type: "any" };
  const type = typeOfSchema(doc, resolved);
  const union = unionOf(doc, resolved);
  const shape: ValueShape = { type };
  if (type === "array") shape.items = shapeOf(doc, itemsOf(doc, resolved), depth + 1);
  if (type === "object") shape.properties = propertiesShape(doc, resolved, depth);
  if (union) shape.union = union;
  return shape;
}

/** The types a schema of several allows (a type array, or anyOf/oneOf branches of differing types). */
function unionOf(doc: unknown, schema: Record<string, unknown>): ValueShape["type"][] | undefined {
  if (Array.isArray(schema.type)) {
    const types = schema.type.filter((t): t is ValueShape["type"] => typeof t === "string" && PRIMITIVES.has(t) && t !== "null");
    return types.length > 1 ? types : undefined;
  }
  if (typeof schema.type === "string" || schema.properties !== undefined || schema.items !== undefined) return undefined;
  for (const key of ["oneOf", "anyOf"] as const) {
    const branches = schema[key];
    if (!Array.isArray(branches)) continue;
    const types = [...new Set(branches.map((branch) => shapeOf(doc, branch, 4).type))].filter((t) => t !== "null");
    if (types.length > 1) return types;
  }
  return undefined;
}

const COMPOSITIONS = ["allOf", "oneOf", "anyOf"] as const;

function typeOfSchema(doc: unknown, schema: Record<string, unknown>): ValueShape["type"] {
  const declared = Array.isArray(schema.type) ? schema.type.find((t) => t !== "null") : schema.type;
  if (typeof declared === "string" && PRIMITIVES.has(declared)) return declared as ValueShape["type"];
  if (schema.properties !== undefined) return "object";
  if (schema.items !== undefined) return "array";
  for (const key of COMPOSITIONS) {
    const branches = schema[key];
    if (!Array.isArray(branches)) continue;
    const types = new Set(branches.map((branch) => shapeOf(doc, branch, 4).type));
    if (types.size === 1) return [...types][0]!;
    // One structured branch among scalars (Stripe's `anyOf: [{ type: object, ... }, { enum: [""] }]`):
    // the structure is what tells how the raw text is split.
    const structured = [...types].filter((t) => t === "object" || t === "array");
    if (structured.length === 1) return structured[0]!;
  }
  return "any";
}

/** Properties of the schema and of its composition branches (`allOf: [{ $ref: Base }, { properties }]`). */
function propertiesShape(doc: unknown, schema: Record<string, unknown>, depth: number, nesting = 0): Record<string, ValueShape> {
  const properties = isObject(schema.properties) ? schema.properties : {};
  const shapes: Record<string, ValueShape> = {};
  for (const [name, property] of Object.entries(properties)) shapes[name] = shapeOf(doc, property, depth + 1);
  if (nesting >= 4) return shapes; // allOf inside allOf...: bounded, circular compositions included
  for (const branch of branchesOf(doc, schema)) {
    if (typeOfSchema(doc, branch) !== "object") continue;
    for (const [name, shape] of Object.entries(propertiesShape(doc, branch, depth, nesting + 1))) if (!Object.hasOwn(shapes, name)) shapes[name] = shape;
  }
  return shapes;
}

/** `items` of the schema, else of its first array branch. */
function itemsOf(doc: unknown, schema: Record<string, unknown>): unknown {
  if (schema.items !== undefined) return schema.items;
  return branchesOf(doc, schema).find((branch) => branch.items !== undefined && typeOfSchema(doc, branch) === "array")?.items;
}

function branchesOf(doc: unknown, schema: Record<string, unknown>): Array<Record<string, unknown>> {
  const found: Array<Record<string, unknown>> = [];
  for (const key of COMPOSITIONS) {
    const branches = schema[key];
    if (!Array.isArray(branches)) continue;
    for (const branch of branches) {
      const resolved = resolveLocal(doc, branch, "")?.value;
      if (isObject(resolved)) found.push(resolved);
    }
  }
  return found;
}

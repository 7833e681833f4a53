import type { ValueShape } from "./model.js";
import { isObject, resolveLocal } from "./pointer.js";

const PRIMITIVES = new Set(["string", "number", "integer", "boolean", "array", "object", "null"]);
const COMPOSITIONS = ["allOf", "oneOf", "anyOf"] as const;

/** Parameters nest little; deeper levels are read as `any`. */
const PARAMETER_DEPTH = 4;
/** Form bodies nest deeper (Stripe: `payment_method_options[card][installments][plan][count]`). */
const FORM_DEPTH = 16;
/** Most shapes built for one schema: past it (a wide circular schema) the rest is `any`. */
const MAX_SHAPES = 20_000;
/** How far compositions inside compositions are followed to find a type or properties. */
const MAX_COMPOSITION_HOPS = 4;

interface Walk {
  maxDepth: number;
  shapes: number;
}

/**
 * The shape of a parameter's value, read from its schema once at load: it tells the request parser
 * how to split and coerce a raw string (`?ids=1,2` into `[1, 2]`) before ajv validates it.
 */
export function shapeOf(doc: unknown, schema: unknown): ValueShape {
  return shapeAt(doc, schema, 0, { maxDepth: PARAMETER_DEPTH, shapes: 0 });
}

/** The shape of a form body (form-urlencoded, multipart), whose bracketed fields nest deeper. */
export function formShapeOf(doc: unknown, schema: unknown): ValueShape {
  return shapeAt(doc, schema, 0, { maxDepth: FORM_DEPTH, shapes: 0 });
}

function shapeAt(doc: unknown, schema: unknown, depth: number, walk: Walk): ValueShape {
  const resolved = resolveLocal(doc, schema, "")?.value;
  if (!isObject(resolved) || depth > walk.maxDepth || ++walk.shapes > MAX_SHAPES) return { type: "any" };
  const type = typeOfSchema(doc, resolved, 0);
  const shape: ValueShape = { type };
  if (type === "array") shape.items = shapeAt(doc, itemsOf(doc, resolved), depth + 1, walk);
  if (type === "object") shape.properties = propertiesShape(doc, resolved, depth, walk, 0);
  const union = unionOf(doc, resolved);
  if (union) shape.union = union;
  return shape;
}

function typeOfSchema(doc: unknown, schema: Record<string, unknown>, hops: number): ValueShape["type"] {
  const declared = Array.isArray(schema.type) ? schema.type.find((t) => t !== "null") : schema.type;
  if (typeof declared === "string" && PRIMITIVES.has(declared)) return declared as ValueShape["type"];
  if (schema.properties !== undefined) return "object";
  if (schema.items !== undefined) return "array";
  if (hops >= MAX_COMPOSITION_HOPS) return "any";
  for (const key of COMPOSITIONS) {
    const types = branchTypes(doc, schema[key], hops + 1);
    if (types === undefined) continue;
    if (types.size === 1) return [...types][0]!;
    // One structured branch among scalars (Stripe's `anyOf: [{ type: object, ... }, { enum: [""] }]`):
    // the structure is what tells how the raw text is split.
    const structured = [...types].filter((t) => t === "object" || t === "array");
    if (structured.length === 1) return structured[0]!;
  }
  return "any";
}

function branchTypes(doc: unknown, branches: unknown, hops: number): Set<ValueShape["type"]> | undefined {
  if (!Array.isArray(branches)) return undefined;
  return new Set(
    branches.map((branch) => {
      const resolved = resolveLocal(doc, branch, "")?.value;
      return isObject(resolved) ? typeOfSchema(doc, resolved, hops) : "any";
    }),
  );
}

/** The types a schema of several allows (a type array, or anyOf/oneOf branches of differing types). */
function unionOf(doc: unknown, schema: Record<string, unknown>): ValueShape["type"][] | undefined {
  if (Array.isArray(schema.type)) {
    const types = schema.type.filter(
      (t): t is ValueShape["type"] => typeof t === "string" && PRIMITIVES.has(t) && t !== "null",
    );
    return types.length > 1 ? types : undefined;
  }
  if (typeof schema.type === "string" || schema.properties !== undefined || schema.items !== undefined)
    return undefined;
  for (const key of ["oneOf", "anyOf"] as const) {
    const types = [...(branchTypes(doc, schema[key], 1) ?? [])].filter((t) => t !== "null");
    if (types.length > 1) return types;
  }
  return undefined;
}

/** Properties of the schema and of its composition branches (`allOf: [{ $ref: Base }, { properties }]`). */
function propertiesShape(
  doc: unknown,
  schema: Record<string, unknown>,
  depth: number,
  walk: Walk,
  hops: number,
): Record<string, ValueShape> {
  const properties = isObject(schema.properties) ? schema.properties : {};
  const shapes: Record<string, ValueShape> = {};
  for (const [name, property] of Object.entries(properties)) shapes[name] = shapeAt(doc, property, depth + 1, walk);
  if (hops >= MAX_COMPOSITION_HOPS) return shapes;
  for (const branch of branchesOf(doc, schema)) {
    if (typeOfSchema(doc, branch, hops + 1) !== "object") continue;
    for (const [name, shape] of Object.entries(propertiesShape(doc, branch, depth, walk, hops + 1)))
      if (!Object.hasOwn(shapes, name)) shapes[name] = shape;
  }
  return shapes;
}

/** `items` of the schema, else of its first array branch. */
function itemsOf(doc: unknown, schema: Record<string, unknown>): unknown {
  if (schema.items !== undefined) return schema.items;
  return branchesOf(doc, schema).find(
    (branch) => branch.items !== undefined && typeOfSchema(doc, branch, 1) === "array",
  )?.items;
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

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
  if (type === "array") return { type, items: shapeOf(doc, resolved.items, depth + 1) };
  if (type === "object") return { type, properties: propertiesShape(doc, resolved, depth) };
  return { type };
}

function typeOfSchema(doc: unknown, schema: Record<string, unknown>): ValueShape["type"] {
  const declared = Array.isArray(schema.type) ? schema.type.find((t) => t !== "null") : schema.type;
  if (typeof declared === "string" && PRIMITIVES.has(declared)) return declared as ValueShape["type"];
  if (schema.properties !== undefined) return "object";
  if (schema.items !== undefined) return "array";
  for (const key of ["allOf", "oneOf", "anyOf"] as const) {
    const branches = schema[key];
    if (!Array.isArray(branches)) continue;
    const types = new Set(branches.map((branch) => shapeOf(doc, branch, 4).type));
    if (types.size === 1) return [...types][0]!;
  }
  return "any";
}

function propertiesShape(doc: unknown, schema: Record<string, unknown>, depth: number): Record<string, ValueShape> {
  const properties = isObject(schema.properties) ? schema.properties : {};
  const shapes: Record<string, ValueShape> = {};
  for (const [name, property] of Object.entries(properties)) shapes[name] = shapeOf(doc, property, depth + 1);
  return shapes;
}

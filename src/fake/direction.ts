import { isJsonObject, refKey, type JsonObject } from "./pointer.js";

/**
 * readOnly / writeOnly. A response never carries a writeOnly property and a request never a
 * readOnly one, even where the schema lists it as `required` (OpenAPI says such a property is
 * required only in the other direction), so hidden properties are dropped from `properties` and
 * `required` alike when a schema is prepared.
 */
export type Direction = "response" | "request";

/** The keyword that hides a property in a direction. */
export function hidingKeyword(direction: Direction): "writeOnly" | "readOnly" {
  return direction === "response" ? "writeOnly" : "readOnly";
}

/** How far `$ref` and `allOf` chains are followed to find the flag: real contracts need 1 or 2. */
const MAX_FOLLOW = 8;

/**
 * True when a property with this schema is hidden: the flag on the schema itself (also beside a
 * `$ref`, which 3.0 contracts write though the spec ignores it), on its `$ref` target, or on an
 * `allOf` branch.
 */
function isHidden(schema: unknown, keyword: string, raw: (key: string) => unknown, depth = 0): boolean {
  if (!isJsonObject(schema) || depth > MAX_FOLLOW) return false;
  if (schema[keyword] === true) return true;
  if (typeof schema.$ref === "string" && schema.$ref.startsWith("#")) {
    return isHidden(raw(refKey(schema.$ref)), keyword, raw, depth + 1);
  }
  return Array.isArray(schema.allOf) && schema.allOf.some((branch) => isHidden(branch, keyword, raw, depth + 1));
}

/**
 * The hidden property names of an object schema: its own `properties` and those its `allOf`
 * branches declare (one object, several schemas), `$ref` branches followed.
 */
export function hiddenNames(
  schema: JsonObject,
  keyword: string,
  raw: (key: string) => unknown,
  depth = 0,
): Set<string> {
  const names = new Set<string>();
  if (depth > MAX_FOLLOW) return names;
  const properties = schema.properties;
  if (isJsonObject(properties)) {
    for (const [name, sub] of Object.entries(properties)) if (isHidden(sub, keyword, raw)) names.add(name);
  }
  if (Array.isArray(schema.allOf)) {
    for (const branch of schema.allOf) {
      const target = isJsonObject(branch) && typeof branch.$ref === "string" ? raw(refKey(branch.$ref)) : branch;
      if (isJsonObject(target)) for (const name of hiddenNames(target, keyword, raw, depth + 1)) names.add(name);
    }
  }
  return names;
}

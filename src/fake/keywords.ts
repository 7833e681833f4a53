import { isJsonObject, type JsonObject } from "./pointer.js";

/**
 * Which keywords of a contract's schema json-schema-faker gets. jsf reads every key it does not know
 * as a property definition of an inferred object (an `xml: {...}` or `example: {...}` would come
 * out as a required property), so a prepared schema holds only these, nothing else.
 */

/** Keywords copied as they are (after the dialect fixes of openapi-compat.ts). */
export const VALUE_KEYWORDS = [
  "type",
  "enum",
  "const",
  "minimum",
  "maximum",
  "exclusiveMinimum",
  "exclusiveMaximum",
  "multipleOf",
  "minLength",
  "maxLength",
  "pattern",
  "format",
  "minItems",
  "maxItems",
  "uniqueItems",
  "minContains",
  "maxContains",
  "required",
  "minProperties",
  "maxProperties",
  "dependentRequired",
] as const;

/** Keywords whose value is one subschema and that jsf generates from. */
const SINGLE_SCHEMA_KEYWORDS = [
  "items",
  "additionalItems",
  "additionalProperties",
  "contains",
  "not",
  "if",
  "then",
  "else",
] as const;

/** Keywords whose value is a list of subschemas. */
const SCHEMA_LIST_KEYWORDS = ["allOf", "anyOf", "oneOf", "prefixItems"] as const;

/** Keywords whose value maps names to subschemas. */
const SCHEMA_MAP_KEYWORDS = ["properties", "patternProperties", "dependentSchemas"] as const;

/** Every place a subschema can sit, for finding `$ref`s: the above and the ones jsf ignores. */
const ALL_SINGLE = [...SINGLE_SCHEMA_KEYWORDS, "propertyNames", "unevaluatedItems", "unevaluatedProperties"];
const ALL_MAPS = [...SCHEMA_MAP_KEYWORDS, "dependencies", "$defs", "definitions"];

/** Calls `visit` with each direct subschema of `schema` (not following `$ref`s). */
function forEachSubschema(schema: JsonObject, visit: (sub: unknown) => void): void {
  for (const key of ALL_SINGLE) visitOneOrMany(schema[key], visit);
  for (const key of SCHEMA_LIST_KEYWORDS) visitOneOrMany(schema[key], visit);
  for (const key of ALL_MAPS) {
    const map = schema[key];
    if (isJsonObject(map)) for (const sub of Object.values(map)) visit(sub);
  }
}

function visitOneOrMany(value: unknown, visit: (sub: unknown) => void): void {
  if (Array.isArray(value)) value.forEach(visit);
  else if (value !== undefined) visit(value);
}

/** Every `$ref` inside `schema`, not following them: the out-edges of the schema in the ref graph. */
export function collectRefs(schema: unknown, into: string[] = []): string[] {
  if (!isJsonObject(schema)) return into;
  if (typeof schema.$ref === "string") into.push(schema.$ref);
  forEachSubschema(schema, (sub) => collectRefs(sub, into));
  return into;
}

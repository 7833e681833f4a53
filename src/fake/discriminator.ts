import { isJsonObject, pointerName, refKey, type JsonObject } from "./pointer.js";

/**
 * `discriminator`: the value of its property names the schema an object was built from. With
 * `oneOf`/`anyOf` the fake of a branch carries the mapping key whose `$ref` is that branch (or, with
 * no such key, the branch's schema name); a schema that inherits a discriminator through `allOf`
 * (Swagger 2.0's only form) carries its own name. The value is only forced where the branch's own
 * schema for the property accepts it: otherwise jsf's value stays, valid if not telling.
 */
export interface Discriminator {
  property: string;
  mapping: Record<string, string>;
}

/** The discriminator of a schema: 3.x `{ propertyName, mapping }` or 2.0's property name. */
export function readDiscriminator(schema: JsonObject): Discriminator | undefined {
  const value = schema.discriminator;
  if (typeof value === "string") return { property: value, mapping: {} };
  if (!isJsonObject(value) || typeof value.propertyName !== "string") return undefined;
  const mapping: Record<string, string> = {};
  if (isJsonObject(value.mapping)) {
    for (const [name, target] of Object.entries(value.mapping)) if (typeof target === "string") mapping[name] = target;
  }
  return { property: value.propertyName, mapping };
}

/** The discriminator value that selects the schema at `key` ("#/components/schemas/Cat"). */
export function discriminatorValue(discriminator: Discriminator, key: string): string {
  const name = pointerName(key);
  for (const [value, target] of Object.entries(discriminator.mapping)) {
    // A mapping value is a $ref or, in its short form, a bare schema name.
    if (target.startsWith("#") ? refKey(target) === key : target === name) return value;
  }
  return name;
}

/** True unless the schema's own definition of `property` rules `value` out. */
export function acceptsValue(
  schema: unknown,
  property: string,
  value: string,
  raw: (key: string) => unknown,
  depth = 0,
): boolean {
  if (!isJsonObject(schema) || depth > 4) return true;
  if (typeof schema.$ref === "string") return acceptsValue(raw(refKey(schema.$ref)), property, value, raw, depth + 1);
  const own = isJsonObject(schema.properties) ? schema.properties[property] : undefined;
  if (own !== undefined && !stringSchemaAccepts(own, value, raw)) return false;
  if (own === undefined && schema.additionalProperties === false && !Array.isArray(schema.allOf)) return false;
  const branches = Array.isArray(schema.allOf) ? schema.allOf : [];
  return branches.every((branch) => acceptsValue(branch, property, value, raw, depth + 1));
}

function stringSchemaAccepts(schema: unknown, value: string, raw: (key: string) => unknown): boolean {
  const target = isJsonObject(schema) && typeof schema.$ref === "string" ? raw(refKey(schema.$ref)) : schema;
  if (!isJsonObject(target)) return target !== false;
  if (target.const !== undefined && target.const !== value) return false;
  if (Array.isArray(target.enum) && !target.enum.includes(value)) return false;
  const type = target.type;
  if (type !== undefined && type !== "string" && !(Array.isArray(type) && type.includes("string"))) return false;
  if (typeof target.minLength === "number" && value.length < target.minLength) return false;
  if (typeof target.maxLength === "number" && value.length > target.maxLength) return false;
  return typeof target.pattern !== "string" || safeTest(target.pattern, value);
}

function safeTest(pattern: string, value: string): boolean {
  try {
    return new RegExp(pattern, "u").test(value);
  } catch {
    return false;
  }
}

/** A prepared schema whose fakes carry `value` in `property`. */
export function withDiscriminator(prepared: unknown, property: string, value: string): JsonObject {
  return { allOf: [prepared, { properties: { [property]: { const: value } }, required: [property] }] };
}

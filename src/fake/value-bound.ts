import { isJsonObject, type JsonObject } from "./pointer.js";

/**
 * The most values json-schema-faker can make for a prepared schema, counted as the fake budget
 * counts them (limits.ts: each string, number, boolean, null, object and array), or Infinity where
 * this cannot tell. A schema whose bound is within the budget cannot run out of it, so its fakes
 * skip the per-value count (a round trip through jsf's trampoline for every value). Only the plain
 * shapes most answers have are bounded: any keyword outside KNOWN (allOf, uniqueItems and its
 * retries, minProperties and its fill, untyped schemas that jsf gives a random type) is Infinity.
 */
const KNOWN = new Set(
  [
    ["type", "enum", "const", "faker"],
    ["format", "pattern", "minLength", "maxLength"],
    ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf"],
    ["required", "properties", "additionalProperties"],
    ["items", "minItems", "maxItems"],
  ].flat(),
);
const LEAVES = new Set(["string", "number", "integer", "boolean", "null"]);

/** `defaultItems`: the array length jsf uses where a schema sets no maxItems (its maxDefaultItems). */
export function valueBound(root: unknown, defaultItems: number): number {
  const bounds = new Map<JsonObject, number>();
  const bound = (node: unknown): number => {
    if (!isJsonObject(node)) return Infinity; // `true` takes a random type; `false` fails
    const known = bounds.get(node);
    if (known !== undefined) return known;
    bounds.set(node, Infinity); // a cycle (none in prepared schemas) is unbounded
    const result = nodeBound(node, bound, defaultItems);
    bounds.set(node, result);
    return result;
  };
  return bound(root);
}

function nodeBound(node: JsonObject, bound: (node: unknown) => number, defaultItems: number): number {
  if (node.anyOf !== undefined) return anyOfBound(node, bound);
  for (const key of Object.keys(node)) if (!KNOWN.has(key)) return Infinity;
  if (node.const !== undefined || node.enum !== undefined) return 1; // jsf picks a value, whatever the type
  let most = 0;
  for (const type of typesOf(node)) {
    if (LEAVES.has(type)) most = Math.max(most, 1);
    else if (type === "object") most = Math.max(most, objectBound(node, bound));
    else if (type === "array") most = Math.max(most, arrayBound(node, bound, defaultItems));
    else return Infinity;
  }
  return most;
}

/**
 * An anyOf and nothing else (as prepare.ts leaves a oneOf): jsf tries the branches in a random order,
 * each as its copy by mergeSchemas (which keeps the keywords counted here, but not `faker`), and after
 * they all failed the first once more; the values of a failed try were counted too.
 */
function anyOfBound(node: JsonObject, bound: (node: unknown) => number): number {
  const branches = node.anyOf;
  if (Object.keys(node).length !== 1 || !Array.isArray(branches) || branches.length === 0) return Infinity;
  const copyBound = (branch: unknown) => {
    if (!isJsonObject(branch)) return Infinity;
    const { faker: _faker, ...copy } = branch;
    return bound(copy);
  };
  return branches.reduce((total: number, branch) => total + copyBound(branch), copyBound(branches[0]));
}

/** The types jsf may give `node`: its own, or what it infers from the keywords (as its resolveType). */
function typesOf(node: JsonObject): string[] {
  if (typeof node.type === "string") return [node.type];
  if (Array.isArray(node.type)) return node.type.map(String);
  if (node.type !== undefined) return ["?"];
  if (node.properties || node.required || node.additionalProperties !== undefined) return ["object"];
  if (node.items || node.minItems !== undefined || node.maxItems !== undefined) return ["array"];
  const numeric = ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf"];
  if (numeric.some((k) => node[k] !== undefined)) return ["number"];
  const textual = ["minLength", "maxLength", "pattern", "format", "faker"];
  return textual.some((k) => node[k] !== undefined) ? ["string"] : ["?"];
}

/** Its properties, each once; a required name without a property would be made from any schema. */
function objectBound(node: JsonObject, bound: (node: unknown) => number): number {
  const properties = isJsonObject(node.properties) ? node.properties : {};
  const required = Array.isArray(node.required) ? node.required : [];
  if (required.some((name) => typeof name !== "string" || !Object.hasOwn(properties, name))) return Infinity;
  let total = 1;
  for (const schema of Object.values(properties)) total += bound(schema);
  return total;
}

/**
 * At most as many items as jsf's length rule allows (see its array generator), each bounded. jsf
 * tries an item again when it comes out undefined, which no prepared schema makes.
 */
function arrayBound(node: JsonObject, bound: (node: unknown) => number, defaultItems: number): number {
  if (node.items === undefined) return 1; // jsf makes no items without an item schema
  const { minItems = 0, maxItems } = node;
  if (typeof minItems !== "number" || (maxItems !== undefined && typeof maxItems !== "number")) return Infinity;
  const length = maxItems ?? Math.max(minItems, defaultItems);
  return 1 + length * bound(node.items);
}

import { getAtPointer, isObject } from "./pointer.js";

/** Keywords that describe the property rather than constrain the value: they stay on the outside. */
const ANNOTATIONS = new Set([
  "description",
  "title",
  "readOnly",
  "writeOnly",
  "deprecated",
  "example",
  "examples",
  "default",
  "externalDocs",
  "xml",
]);

/**
 * `nullable: true` beside `$ref`/`anyOf`/`allOf` but without `type` is a no-op by the letter of 3.0.3,
 * yet every such contract in the corpus (Stripe's, GitHub's) means "or null", and their real APIs send
 * null there; 3.1 contracts converted from 3.0 keep it. ajv refuses it outright. The node is
 * rewritten in place to say what it means: `{ anyOf: [{ type: "null" }, <the rest>] }`, annotations
 * kept outside.
 */
export function rewriteTypelessNullable(node: Record<string, unknown>): void {
  const rest: Record<string, unknown> = {};
  for (const key of Object.keys(node)) {
    if (key === "nullable" || key === "x-nullable" || ANNOTATIONS.has(key)) continue;
    rest[key] = node[key];
    delete node[key];
  }
  delete node.nullable;
  // 2.0's `x-nullable` is consumed here too: left in `rest`, the scan would read it as `nullable`
  // again and rewrite `rest` in turn, without end (harbor: `$ref` beside `x-nullable: true`).
  delete node["x-nullable"];
  node.anyOf = Object.keys(rest).length === 0 ? [{ type: "null" }, {}] : [{ type: "null" }, rest];
}

/**
 * A draft-04 `exclusiveMinimum: true` beside `minimum: 5` in a 2020-12 schema (a 3.0 contract moved to
 * 3.1 by changing its version line): 2020-12 wants the bound itself, `exclusiveMinimum: 5`, and ajv
 * refuses the boolean. It is read as 3.0 meant it. True when the node had one.
 */
export function rewriteBooleanBounds(node: Record<string, unknown>): boolean {
  let found = false;
  for (const [exclusive, inclusive] of [
    ["exclusiveMinimum", "minimum"],
    ["exclusiveMaximum", "maximum"],
  ] as const) {
    const flag = node[exclusive];
    if (typeof flag !== "boolean") continue;
    found = true;
    delete node[exclusive];
    if (flag && typeof node[inclusive] === "number") {
      node[exclusive] = node[inclusive];
      delete node[inclusive];
    }
  }
  return found;
}

/**
 * `properties: { $ref: "#/components/x/Props" }`: a whole properties map by reference. No version of
 * OpenAPI allows it, yet it is written, and Prism reads it as the map it names; so does mockpact.
 * The map's entries are copied in (the schemas themselves shared). True when it was inlined.
 */
export function inlinePropertiesRef(doc: Record<string, unknown>, node: Record<string, unknown>): boolean {
  const ref = node.$ref as string;
  const target = ref.startsWith("#") ? getAtPointer(doc, ref) : undefined;
  if (!isObject(target) || Object.keys(node).length !== 1 || isSchemaLike(target)) return false;
  delete node.$ref;
  Object.assign(node, target);
  return true;
}

/** A target that is one schema rather than a map of them (it has a type or a composition): not a properties map, left alone. */
function isSchemaLike(target: Record<string, unknown>): boolean {
  return ["type", "allOf", "oneOf", "anyOf", "$ref"].some(
    (k) => typeof target[k] === "string" || Array.isArray(target[k]),
  );
}

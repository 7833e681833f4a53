import { isJsonObject, type JsonObject } from "./pointer.js";

/**
 * json-schema-faker registers the path of every nested property of the schema it is given
 * (`#/properties/a/properties/b/...`) before it makes a value. Prepared schemas share their `$ref`
 * targets (prepare.ts), so that walk sees a tree where there is a small graph: ten levels of eight
 * properties are 8^9 paths, 30 s before the first value, optional or not. The tree's size is counted
 * here on the graph (each schema once), so that no such schema reaches jsf.
 */
export function propertyTreeSize(root: unknown, cap: number): number {
  const sizes = new Map<JsonObject, number>();
  const size = (node: unknown): number => {
    if (!isJsonObject(node)) return 0;
    const known = sizes.get(node);
    if (known !== undefined) return known;
    sizes.set(node, cap + 1); // a cycle (none in prepared schemas) counts as too large
    let total = 1;
    for (const child of childrenWalked(node)) {
      total += size(child);
      if (total > cap) break;
    }
    sizes.set(node, Math.min(total, cap + 1));
    return Math.min(total, cap + 1);
  };
  return size(root);
}

/** What jsf's walk follows: `properties` and `$defs`, nothing else. */
function childrenWalked(node: JsonObject): unknown[] {
  const children: unknown[] = [];
  for (const key of ["properties", "$defs"]) if (isJsonObject(node[key])) children.push(...Object.values(node[key]));
  return children;
}

/** A copy of `root` without optional properties, at every level; shared parts stay shared. */
export function requiredOnly(root: unknown): unknown {
  const copies = new Map<JsonObject, JsonObject>();
  const copy = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(copy);
    if (!isJsonObject(node)) return node;
    const known = copies.get(node);
    if (known) return known;
    const out: JsonObject = {};
    copies.set(node, out);
    for (const [key, value] of Object.entries(node))
      out[key] = key === "properties" && isJsonObject(value) ? requiredProperties(node, value, copy) : copy(value);
    return out;
  };
  return copy(root);
}

function requiredProperties(node: JsonObject, properties: JsonObject, copy: (node: unknown) => unknown): JsonObject {
  const required = new Set(Array.isArray(node.required) ? node.required : []);
  const out: JsonObject = {};
  for (const [name, schema] of Object.entries(properties)) if (required.has(name)) out[name] = copy(schema);
  return out;
}

import type { SchemaRef } from "../contract/model.js";
import { getAtPointer, isObject, joinPointer, resolveLocal } from "../contract/pointer.js";

/** A schema of the contract and where it lives, `$ref`s followed. */
export interface SchemaNode {
  schema: Record<string, unknown>;
  pointer: string;
  /** More schemas the same value is bound by: a property declared in several `allOf` parts is declared by each. */
  also?: SchemaNode[];
}

/** Whether a value is one a `oneOf`/`anyOf` branch describes; without a test, every branch counts. */
export type BranchTest = (branch: SchemaNode) => boolean;

/** What an object schema promises: declared properties (with their schemas), required ones, and whether others are forbidden. */
export interface ObjectFacts {
  properties: Map<string, SchemaNode>;
  required: Set<string>;
  /** `additionalProperties: false` (or `unevaluatedProperties: false`) everywhere it applies. */
  closed: boolean;
  /** `additionalProperties` is a schema: a map with free keys, so an unnamed key is no surprise. */
  isMap: boolean;
}

const MAX_DEPTH = 32;

export function nodeOf(doc: Record<string, unknown>, ref: SchemaRef | undefined): SchemaNode | undefined {
  if (!ref) return undefined;
  if ("inline" in ref) return isObject(ref.inline) ? { schema: ref.inline, pointer: "#" } : undefined;
  return resolveNode(doc, getAtPointer(doc, ref.pointer), ref.pointer);
}

export function resolveNode(doc: Record<string, unknown>, value: unknown, pointer: string): SchemaNode | undefined {
  const found = resolveLocal(doc, value, pointer);
  return found && isObject(found.value) ? { schema: found.value, pointer: found.pointer } : undefined;
}

/** The branches a value is also bound by: `allOf` always, `anyOf`/`oneOf` as alternatives. */
function branchesOf(
  doc: Record<string, unknown>,
  node: SchemaNode,
  keyword: "allOf" | "anyOf" | "oneOf",
): SchemaNode[] {
  const list = node.schema[keyword];
  if (!Array.isArray(list)) return [];
  return list
    .map((item, i) => resolveNode(doc, item, joinPointer(node.pointer, keyword, i)))
    .filter((n): n is SchemaNode => n !== undefined);
}

/**
 * Merges `allOf` parts (and the schemas a node is `also` bound by); `anyOf`/`oneOf` alternatives declare
 * the union of the properties of the branches `matches` accepts (of all of them when it accepts none)
 * and require what all of those require.
 */
export function objectFacts(
  doc: Record<string, unknown>,
  node: SchemaNode,
  matches?: BranchTest,
  depth = 0,
): ObjectFacts {
  const facts: ObjectFacts = { properties: new Map(), required: new Set(), closed: false, isMap: false };
  if (depth > MAX_DEPTH) return facts;
  const { schema } = node;
  if (isObject(schema.properties))
    for (const [name, value] of Object.entries(schema.properties)) {
      const child = resolveNode(doc, value, joinPointer(node.pointer, "properties", name));
      if (child) facts.properties.set(name, child);
    }
  if (Array.isArray(schema.required)) for (const name of schema.required) facts.required.add(String(name));
  facts.closed = schema.additionalProperties === false || schema.unevaluatedProperties === false;
  facts.isMap = isObject(schema.additionalProperties);
  // allOf: a part's own `additionalProperties: false` does not close the whole (OpenAPI reads allOf as a union of parts).
  const parts = [...(node.also ?? []), ...branchesOf(doc, node, "allOf")];
  for (const part of parts) mergeInto(facts, objectFacts(doc, part, matches, depth + 1));
  const branches = [...branchesOf(doc, node, "anyOf"), ...branchesOf(doc, node, "oneOf")];
  const matching = matches ? branches.filter(matches) : branches;
  const alternatives = (matching.length > 0 ? matching : branches).map((b) => objectFacts(doc, b, matches, depth + 1));
  if (alternatives.length > 0) {
    const union = alternatives.reduce((a, b) => unionOf(a, b));
    mergeInto(facts, union);
    // Closed alternatives close the object only when it declares no property of its own beside them.
    facts.closed ||= union.closed && facts.properties.size === union.properties.size;
  }
  return facts;
}

function mergeInto(target: ObjectFacts, source: ObjectFacts): void {
  for (const [name, child] of source.properties) {
    const known = target.properties.get(name);
    target.properties.set(name, known ? { ...known, also: [...(known.also ?? []), child] } : child);
  }
  for (const name of source.required) target.required.add(name);
  target.isMap ||= source.isMap;
}

function unionOf(a: ObjectFacts, b: ObjectFacts): ObjectFacts {
  const properties = new Map([...b.properties, ...a.properties]);
  const required = new Set([...a.required].filter((name) => b.required.has(name)));
  return { properties, required, closed: a.closed && b.closed, isMap: a.isMap || b.isMap };
}

/**
 * The schema of the items of an array schema: its `items`, bound also by the items of every `allOf`
 * part (and `also` schema) that has them, else those of the first `anyOf`/`oneOf` branch that has them.
 */
export function itemsOf(doc: Record<string, unknown>, node: SchemaNode, depth = 0): SchemaNode | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const own = isObject(node.schema.items)
    ? resolveNode(doc, node.schema.items, joinPointer(node.pointer, "items"))
    : undefined;
  const parts = [...(node.also ?? []), ...branchesOf(doc, node, "allOf")].map((part) => itemsOf(doc, part, depth + 1));
  const [first, ...rest] = [own, ...parts].filter((items): items is SchemaNode => items !== undefined);
  if (first) return rest.length > 0 ? { ...first, also: [...(first.also ?? []), ...rest] } : first;
  for (const keyword of ["anyOf", "oneOf"] as const) {
    for (const branch of branchesOf(doc, node, keyword)) {
      const items = itemsOf(doc, branch, depth + 1);
      if (items) return items;
    }
  }
  return undefined;
}

/** The schema at an instance pointer below `node` (`/items/0/price`), as far as it can be followed. */
export function schemaAt(
  doc: Record<string, unknown>,
  node: SchemaNode | undefined,
  instancePointer: string,
): SchemaNode | undefined {
  let current = node;
  for (const raw of instancePointer.split("/").slice(1)) {
    if (!current) return undefined;
    const segment = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    const facts = objectFacts(doc, current);
    current =
      facts.properties.get(segment) ?? (/^\d+$/.test(segment) ? itemsOf(doc, current) : additionalOf(doc, current));
  }
  return current;
}

function additionalOf(doc: Record<string, unknown>, node: SchemaNode): SchemaNode | undefined {
  return isObject(node.schema.additionalProperties)
    ? resolveNode(doc, node.schema.additionalProperties, joinPointer(node.pointer, "additionalProperties"))
    : undefined;
}

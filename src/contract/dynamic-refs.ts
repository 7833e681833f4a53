import { getAtPointer, isObject } from "./pointer.js";
import { findResources, pointerOf, walkWithBase, type SchemaResources } from "./schema-resources.js";

/**
 * JSON Schema 2020-12 generics (`$id` resources, `$ref` relative to an `$id`, `$dynamicRef` resolved
 * by the schema that uses the resource) rewritten into plain `#/...` pointers of the one document:
 * ajv 8 does not follow such dynamic references across resources (it answers "resolves to more than
 * one schema", or fails to recurse), and the faker follows document pointers only. Each resource
 * that `$ref`s a generic one and brings its own `$dynamicAnchor` gets a copy of the generic with its
 * dynamic refs pointing at its own anchors; the rest point at the generic's defaults. Returns the
 * number of references rewritten (0: the document uses none of this and is left as it is).
 */
export function resolveSchemaResources(doc: Record<string, unknown>): number {
  if (!usesResources(doc)) return 0;
  const resources = findResources(doc);
  let rewritten = 0;
  const visits = [...walkWithBase(doc)];
  for (const { node, base } of visits) {
    if (
      typeof node.$ref !== "string" ||
      node.$ref.startsWith("#/") ||
      /^\.{0,2}\/|\.(ya?ml|json)(#|$)/i.test(node.$ref)
    )
      continue;
    const pointer = pointerOf(node.$ref, base, resources, doc);
    if (pointer !== undefined && pointer !== node.$ref) {
      node.$ref = pointer;
      rewritten++;
    }
  }
  for (const { node, pointer } of visits) rewritten += specialise(node, pointer, resources, doc);
  for (const { node, resource } of visits) {
    if (typeof node.$dynamicRef !== "string") continue;
    const name = node.$dynamicRef.replace(/^.*#/, "");
    const fallback = resources.dynamicAnchors.get(resource)?.get(name) ?? resources.anchors.get(`${node.$dynamicRef}`);
    delete node.$dynamicRef;
    if (fallback !== undefined) node.$ref = fallback;
    rewritten++;
  }
  for (const { node, pointer } of visits)
    if (pointer !== "#") for (const key of ["$id", "$anchor", "$dynamicAnchor"]) delete node[key];
  return rewritten;
}

/**
 * A resource whose `$ref` names a generic resource (one with `$dynamicRef`s) and that defines the
 * dynamic anchors itself: the `$ref` becomes an `allOf` holding a copy of the generic whose dynamic
 * refs point at this resource's anchors.
 */
function specialise(
  node: Record<string, unknown>,
  pointer: string,
  resources: SchemaResources,
  doc: Record<string, unknown>,
): number {
  const own = resources.dynamicAnchors.get(pointer);
  if (!own || typeof node.$ref !== "string" || !node.$ref.startsWith("#")) return 0;
  const generic = getAtPointer(doc, node.$ref);
  if (!isObject(generic) || !JSON.stringify(generic).includes('"$dynamicRef"')) return 0;
  let count = 0;
  const copy = JSON.parse(JSON.stringify(generic), (_key, value: unknown) => {
    if (!isObject(value)) return value;
    const { $id: _id, $anchor: _anchor, $dynamicAnchor: _dynamicAnchor, ...rest } = value;
    const target = typeof value.$dynamicRef === "string" ? own.get(value.$dynamicRef.replace(/^.*#/, "")) : undefined;
    if (target === undefined) return rest;
    count++;
    delete rest.$dynamicRef;
    return { ...rest, $ref: target };
  }) as Record<string, unknown>;
  delete node.$ref;
  node.allOf = [...(Array.isArray(node.allOf) ? node.allOf : []), copy];
  return count;
}

function usesResources(doc: Record<string, unknown>): boolean {
  const text = JSON.stringify(doc);
  return (
    text.includes('"$dynamicRef"') ||
    text.includes('"$dynamicAnchor"') ||
    /"\$id":"[^"]*"/.test(text.replace(/"(example|examples)":(\{[^{}]*\}|\[[^[\]]*\])/g, ""))
  );
}

import { getAtPointer, isObject, joinPointer } from "./pointer.js";

/**
 * JSON Schema 2020-12 resources inside a contract: schemas with their own `$id`, the `$anchor`s and
 * `$dynamicAnchor`s in them, and `$ref`s written relative to an `$id` (`$ref: page`). Read once at
 * load, so that dynamic-refs.ts can rewrite them into the document's own `#/...` pointers, which
 * the validator and the faker follow.
 */
export interface SchemaResources {
  /** Absolute `$id` (no fragment) -> pointer of the schema in the document. */
  byId: Map<string, string>;
  /** `<id>#<name>` -> pointer, for `$anchor`s and `$dynamicAnchor`s. */
  anchors: Map<string, string>;
  /** Pointer of a resource -> its dynamic anchors (name -> pointer). */
  dynamicAnchors: Map<string, Map<string, string>>;
}

/** The base every `$id` of the document is resolved against: a URI no contract uses. */
export const DOCUMENT_BASE = "https://mockpact.invalid/document.json";

/** Keys whose values are data: an `$id` there is no resource. */
const DATA_KEYS = new Set(["example", "examples", "enum", "default", "const", "dataValue", "value"]);

export interface Visit {
  node: Record<string, unknown>;
  pointer: string;
  base: string;
  /** Pointer of the innermost resource the node belongs to. */
  resource: string;
}

/** Every schema-like object of the document with its base URI and resource, in document order (iterative). */
export function* walkWithBase(doc: Record<string, unknown>): Generator<Visit> {
  const stack: Visit[] = [{ node: doc, pointer: "#", base: DOCUMENT_BASE, resource: "#" }];
  while (stack.length > 0) {
    const visit = stack.pop()!;
    let { base, resource } = visit;
    if (typeof visit.node.$id === "string" && visit.pointer !== "#") {
      base = absolute(visit.node.$id, base);
      resource = visit.pointer;
    }
    yield { ...visit, base, resource };
    for (const [key, child] of Object.entries(visit.node).reverse()) {
      if (DATA_KEYS.has(key) || key.startsWith("x-")) continue;
      if (Array.isArray(child))
        child.forEach(
          (item, i) =>
            isObject(item) && stack.push({ node: item, pointer: joinPointer(visit.pointer, key, i), base, resource }),
        );
      else if (isObject(child)) stack.push({ node: child, pointer: joinPointer(visit.pointer, key), base, resource });
    }
  }
}

export function findResources(doc: Record<string, unknown>): SchemaResources {
  const resources: SchemaResources = {
    byId: new Map([[DOCUMENT_BASE, "#"]]),
    anchors: new Map(),
    dynamicAnchors: new Map(),
  };
  for (const { node, pointer, base, resource } of walkWithBase(doc)) {
    if (typeof node.$id === "string" && pointer !== "#") resources.byId.set(base, pointer);
    for (const key of ["$anchor", "$dynamicAnchor"] as const)
      if (typeof node[key] === "string") resources.anchors.set(`${base}#${node[key] as string}`, pointer);
    if (typeof node.$dynamicAnchor === "string") {
      const own = resources.dynamicAnchors.get(resource) ?? new Map<string, string>();
      own.set(node.$dynamicAnchor, pointer);
      resources.dynamicAnchors.set(resource, own);
    }
  }
  return resources;
}

/** The document pointer a `$ref` written at `base` names, or undefined when it names nothing in this document. */
export function pointerOf(
  ref: string,
  base: string,
  resources: SchemaResources,
  doc: Record<string, unknown>,
): string | undefined {
  const target = absolute(ref, base);
  const hash = target.indexOf("#");
  const id = hash < 0 ? target : target.slice(0, hash);
  const fragment = hash < 0 ? "" : target.slice(hash + 1);
  if (fragment !== "" && !fragment.startsWith("/")) return resources.anchors.get(`${id}#${fragment}`);
  const root = resources.byId.get(id);
  if (root === undefined) return undefined;
  const pointer = root === "#" ? `#${fragment}` : `${root}${fragment}`;
  if (getAtPointer(doc, pointer) !== undefined) return pointer;
  // `#/components/schemas/X` written inside a schema with an `$id`: meant for the document, as OpenAPI tools read it.
  return ref.startsWith("#/") && getAtPointer(doc, ref) !== undefined ? ref : undefined;
}

function absolute(ref: string, base: string): string {
  try {
    return new URL(ref, base).href;
  } catch {
    return ref;
  }
}

import { getAtPointer, isObject, joinPointer } from "./pointer.js";

/** What one pass over a document found: the facts the loader needs before it builds the model. */
export interface RefScan {
  externalRefs: Array<{ ref: string; pointer: string }>;
  missingRefs: Array<{ ref: string; pointer: string }>;
  /** `$ref`s with sibling keywords (3.0 and 2.0 ignore the siblings: so do we, with a warning). */
  refsWithSiblings: string[];
  /** 3.0 schemas with `nullable: true` but no `type`, rewritten to accept null (see rewriteTypelessNullable). */
  typelessNullable: string[];
  /** Schemas with `enum: []`, which no value satisfies and ajv refuses to compile: the keyword is dropped. */
  emptyEnums: string[];
  /** `$ref`s whose chain of refs (A -> B -> A) comes back on itself and never reaches a schema. */
  refCycles: string[];
}

export interface ScanOptions {
  stripRefSiblings: boolean;
  rewriteTypelessNullable: boolean;
  /** Swagger 2.0: `x-nullable: true` (the vendor extension every 2.0 tool reads) becomes `nullable: true`. */
  readXNullable: boolean;
}

/** Keys whose values are data, not contract structure: a `$ref` inside them is not a reference. */
const DATA_KEYS = new Set(["example", "enum", "default", "const", "x-examples"]);

/**
 * One iterative pass (no recursion: a hostile 10,000-deep document must not overflow the stack)
 * that classifies every `$ref`, checks that internal ones resolve (memoised per ref string), and,
 * for dialects where `$ref` siblings are ignored, drops those siblings in place so that ajv and the
 * faker see what the OpenAPI specification says they mean.
 */
export function scanRefs(doc: Record<string, unknown>, options: ScanOptions): RefScan {
  const scan: RefScan = { externalRefs: [], missingRefs: [], refsWithSiblings: [], typelessNullable: [], emptyEnums: [], refCycles: [] };
  const resolved = new Map<string, boolean>();
  const cyclic = new Map<string, boolean>();
  const stack: Frame[] = [{ node: doc, pointer: "#", role: "structure" }];
  while (stack.length > 0) {
    const { node, pointer, role } = stack.pop()!;
    if (Array.isArray(node)) {
      if (role === "examples") continue; // 3.1 schema `examples`: an array of data
      node.forEach((item, i) => stack.push({ node: item, pointer: `${pointer}/${i}`, role: "structure" }));
      continue;
    }
    if (!isObject(node)) continue;
    if (options.readXNullable && node["x-nullable"] === true) node.nullable = true;
    if (options.rewriteTypelessNullable && node.nullable === true && node.type === undefined) {
      rewriteTypelessNullable(node);
      scan.typelessNullable.push(pointer);
    }
    // `nullable: false` says nothing (it is the default), but without `type` ajv refuses it (box).
    if (options.rewriteTypelessNullable && node.nullable === false && node.type === undefined) delete node.nullable;
    // discord writes `enum: []` beside `allOf: [{ $ref: <the enum> }]`: it means the allOf, not "no value".
    if (Array.isArray(node.enum) && node.enum.length === 0) {
      delete node.enum;
      scan.emptyEnums.push(pointer);
    }
    if (typeof node.$ref === "string") visitRef(doc, node, pointer, options, scan, resolved, cyclic);
    for (const key of Object.keys(node)) {
      if (DATA_KEYS.has(key) || (role === "example-object" && key === "value")) continue;
      const child = node[key];
      if (child === null || typeof child !== "object") continue;
      stack.push({ node: child, pointer: joinPointer(pointer, key), role: childRole(role, key) });
    }
  }
  return scan;
}

/** `examples: { name: { value } }`: the map's entries are Example Objects, and their `value` is data. */
type Role = "structure" | "examples" | "example-object";
interface Frame {
  node: unknown;
  pointer: string;
  role: Role;
}

function childRole(parent: Role, key: string): Role {
  if (parent === "examples") return "example-object";
  return key === "examples" ? "examples" : "structure";
}

function visitRef(
  doc: Record<string, unknown>,
  node: Record<string, unknown>,
  pointer: string,
  options: ScanOptions,
  scan: RefScan,
  resolved: Map<string, boolean>,
  cyclic: Map<string, boolean>,
): void {
  const ref = node.$ref as string;
  if (!ref.startsWith("#")) {
    scan.externalRefs.push({ ref, pointer });
    return;
  }
  let exists = resolved.get(ref);
  if (exists === undefined) {
    exists = getAtPointer(doc, ref) !== undefined;
    resolved.set(ref, exists);
  }
  if (!exists) scan.missingRefs.push({ ref, pointer });
  else if (refChainCycles(doc, ref, cyclic)) scan.refCycles.push(pointer);
  if (options.stripRefSiblings && !isPathItem(pointer)) stripSiblings(node, pointer, scan);
}

/** Follows `ref` through targets that are nothing but another `$ref`: true when it comes back to one it passed. */
function refChainCycles(doc: Record<string, unknown>, ref: string, cyclic: Map<string, boolean>): boolean {
  const known = cyclic.get(ref);
  if (known !== undefined) return known;
  const passed = new Set<string>();
  let next: string | undefined = ref;
  while (next !== undefined && !passed.has(next) && cyclic.get(next) === undefined) {
    passed.add(next);
    const target = getAtPointer(doc, next);
    next = isObject(target) && typeof target.$ref === "string" && target.$ref.startsWith("#") ? target.$ref : undefined;
  }
  const cycles = next !== undefined && (passed.has(next) || cyclic.get(next) === true);
  for (const r of passed) cyclic.set(r, cycles);
  return cycles;
}

function isPathItem(pointer: string): boolean {
  return /^#\/paths\/[^/]+$/.test(pointer);
}

function stripSiblings(node: Record<string, unknown>, pointer: string, scan: RefScan): void {
  const siblings = Object.keys(node).filter((k) => k !== "$ref" && k !== "description" && k !== "summary");
  if (siblings.length === 0) return;
  for (const key of siblings) delete node[key];
  scan.refsWithSiblings.push(pointer);
}

/** Keywords that describe the property rather than constrain the value: they stay on the outside. */
const ANNOTATIONS = new Set(["description", "title", "readOnly", "writeOnly", "deprecated", "example", "default", "externalDocs", "xml"]);

/**
 * `nullable: true` beside `$ref`/`anyOf`/`allOf` but without `type` is a no-op by the letter of 3.0.3,
 * yet every such contract in the corpus (Stripe's, GitHub's) means "or null", and their real APIs send
 * null there. ajv refuses it outright. The node is rewritten in place to say what it means:
 * `{ anyOf: [{ type: "null" }, <the rest>] }`, annotations kept outside.
 */
function rewriteTypelessNullable(node: Record<string, unknown>): void {
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

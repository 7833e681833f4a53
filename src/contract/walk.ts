import { visitRef } from "./ref-scan.js";
import { inlinePropertiesRef, rewriteBooleanBounds, rewriteTypelessNullable } from "./schema-rewrites.js";
import { isUnknownStringFormat } from "./formats.js";
import { isObject, joinPointer } from "./pointer.js";

/** What one pass over a document found: the facts the loader needs before it builds the model. */
export interface RefScan {
  externalRefs: Array<{ ref: string; pointer: string }>;
  missingRefs: Array<{ ref: string; pointer: string }>;
  /** `$ref`s inside `x-` extensions that do not resolve here (internal) or point at another file or URL (external). */
  extensionRefs: Array<{ ref: string; pointer: string; node: Record<string, unknown> }>;
  /** `$ref`s with sibling keywords (3.0 and 2.0 ignore the siblings: so do we, with a warning). */
  refsWithSiblings: string[];
  /** Schemas with `nullable: true` but no `type`, rewritten to accept null (see rewriteTypelessNullable). */
  typelessNullable: string[];
  /** 3.1/3.2 schemas with draft-04 boolean `exclusiveMinimum`/`exclusiveMaximum`, rewritten as numbers. */
  booleanBounds: string[];
  /** `properties: { $ref }`: a whole properties map by reference, read as the map it names. */
  propertiesRefs: string[];
  /** Formats no part of mockpact knows, each with the first place that uses it. */
  unknownFormats: Map<string, string>;
  /** Schemas with `enum: []`, which no value satisfies and ajv refuses to compile: the keyword is dropped. */
  emptyEnums: string[];
  /** `$ref`s whose chain of refs (A -> B -> A) comes back on itself and never reaches a schema. */
  refCycles: string[];
}

export interface ScanOptions {
  stripRefSiblings: boolean;
  /** Rewrite what the model reads one way (typeless nullable, boolean bounds in 2020-12, a properties $ref); off to see the document as written. */
  rewrite: boolean;
  /** Swagger 2.0: `x-nullable: true` (the vendor extension every 2.0 tool reads) becomes `nullable: true`. */
  readXNullable: boolean;
  /** 3.1 and 3.2: JSON Schema 2020-12, where a boolean `exclusiveMinimum` does not compile. */
  jsonSchema2020: boolean;
}

/** Keys whose values are data, not contract structure: a `$ref` inside them is not a reference. */
const DATA_KEYS = new Set(["example", "enum", "default", "const", "x-examples", "dataValue"]);
/** Keys whose values map names to schemas or objects: a name there (`default`, `example`) is never a keyword. */
const NAME_MAPS = new Set([
  "properties",
  "patternProperties",
  "$defs",
  "definitions",
  "dependentSchemas",
  "schemas",
  "responses",
  "headers",
  "content",
  "paths",
  "parameters",
  "requestBodies",
  "securitySchemes",
  "callbacks",
  "links",
  "webhooks",
  "additionalOperations",
  "mediaTypes",
  "pathItems",
]);

/**
 * One iterative pass (no recursion: a hostile 10,000-deep document must not overflow the stack)
 * that classifies every `$ref`, checks that internal ones resolve (memoised per ref string), and
 * rewrites in place what ajv and the faker would otherwise read wrongly (see schema-rewrites.ts).
 */
export function scanRefs(doc: Record<string, unknown>, options: ScanOptions): RefScan {
  const scan: RefScan = {
    externalRefs: [],
    missingRefs: [],
    extensionRefs: [],
    refsWithSiblings: [],
    typelessNullable: [],
    booleanBounds: [],
    propertiesRefs: [],
    unknownFormats: new Map(),
    emptyEnums: [],
    refCycles: [],
  };
  const memo = { resolved: new Map<string, boolean>(), cyclic: new Map<string, boolean>() };
  const stack: Frame[] = [{ node: doc, parent: undefined, key: "", pointer: "#", role: "structure" }];
  while (stack.length > 0) {
    const frame = stack.pop()!;
    const { node, role } = frame;
    if (Array.isArray(node)) {
      if (role === "examples") continue; // 3.1 schema `examples`: an array of data
      const itemRole = role === "extension" ? role : "structure";
      node.forEach((item, i) => stack.push({ node: item, parent: frame, key: String(i), role: itemRole }));
      continue;
    }
    if (!isObject(node)) continue;
    if (
      role === "names" &&
      options.rewrite &&
      typeof node.$ref === "string" &&
      frame.key === "properties" &&
      inlinePropertiesRef(doc, node)
    )
      scan.propertiesRefs.push(pointerOf(frame));
    if (role !== "names" && role !== "extension") rewriteSchema(node, frame, options, scan);
    if (typeof node.$ref === "string")
      visitRef(doc, node, () => pointerOf(frame), { ...options, extension: role === "extension" }, scan, memo);
    for (const key of Object.keys(node)) {
      if (role !== "names" && (DATA_KEYS.has(key) || (role === "example-object" && key === "value"))) continue;
      const child = node[key];
      if (child === null || typeof child !== "object") continue;
      stack.push({ node: child, parent: frame, key, role: childRole(role, key) });
    }
  }
  return scan;
}

/**
 * The JSON pointer of a frame, built when a finding needs it: most of the hundreds of thousands of
 * nodes a walk visits need none, and building one string per node was a large share of the walk.
 */
function pointerOf(frame: Frame): string {
  const tokens: string[] = [];
  let from: Frame | undefined = frame;
  while (from !== undefined && from.pointer === undefined) {
    tokens.push(from.key);
    from = from.parent;
  }
  let pointer = from?.pointer ?? "#";
  for (let i = tokens.length - 1; i >= 0; i--) pointer = joinPointer(pointer, tokens[i]!);
  frame.pointer = pointer;
  return pointer;
}

function rewriteSchema(node: Record<string, unknown>, frame: Frame, options: ScanOptions, scan: RefScan): void {
  if (options.readXNullable && node["x-nullable"] === true) node.nullable = true;
  if (options.rewrite && node.nullable === true && node.type === undefined) {
    rewriteTypelessNullable(node);
    scan.typelessNullable.push(pointerOf(frame));
  }
  // `nullable: false` says nothing (it is the default), but without `type` ajv refuses it (box).
  if (options.rewrite && node.nullable === false && node.type === undefined) delete node.nullable;
  if (options.rewrite && options.jsonSchema2020 && rewriteBooleanBounds(node))
    scan.booleanBounds.push(pointerOf(frame));
  if (isUnknownStringFormat(node) && !scan.unknownFormats.has(node.format as string))
    scan.unknownFormats.set(node.format as string, pointerOf(frame));
  // discord writes `enum: []` beside `allOf: [{ $ref: <the enum> }]`: it means the allOf, not "no value".
  if (Array.isArray(node.enum) && node.enum.length === 0) {
    delete node.enum;
    scan.emptyEnums.push(pointerOf(frame));
  }
}

/**
 * `examples: { name: { value } }`: the map's entries are Example Objects, and their `value` is data.
 * `names`: the keys of a map are names (a property called `default` is no keyword). `extension`:
 * inside an `x-` key, which is no part of the API.
 */
type Role = "structure" | "examples" | "example-object" | "names" | "extension";
interface Frame {
  node: unknown;
  /** The frame of the object or array holding this node, and the key or index it sits under. */
  parent: Frame | undefined;
  key: string;
  /** Set on the root, and on a frame once its pointer was built. */
  pointer?: string;
  role: Role;
}

function childRole(parent: Role, key: string): Role {
  if (parent === "extension") return "extension";
  if (parent === "examples") return "example-object";
  if (parent === "names") return "structure";
  if (key.startsWith("x-")) return "extension";
  if (NAME_MAPS.has(key)) return "names";
  return key === "examples" ? "examples" : "structure";
}

import type { ValueShape } from "../contract/model.js";
import { coerceString } from "./params.js";

/**
 * Form fields (form-urlencoded or multipart) as the body's schema sees them. A field whose name is a
 * declared property is coerced by that property's shape. A bracketed name that is not (`card[exp_month]`,
 * `items[0][price]`, `expand[]`) is a nested value, as OpenAPI's `deepObject` encoding, Rails, PHP
 * and Stripe write them: the fields are folded into objects and arrays (an array where the shape
 * says array, or where every key is an index) before their leaves are coerced.
 */
export function foldFormFields(
  fields: Record<string, unknown>,
  shapes: Record<string, ValueShape>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const folded = new Map<string, Branch>();
  for (const [name, value] of Object.entries(fields)) {
    const open = name.indexOf("[");
    const path = open > 0 && !Object.hasOwn(shapes, name) ? bracketPath(name, open) : undefined;
    if (path === undefined) {
      setOwn(out, name, coerceField(value, shapes[name]));
      continue;
    }
    const root = name.slice(0, open);
    let branch = folded.get(root);
    if (branch === undefined) folded.set(root, (branch = new Map()));
    // A repeated name arrives as a list: `expand[]=a&expand[]=b` appends each value.
    for (const item of Array.isArray(value) ? value : [value]) place(branch, path, item);
  }
  for (const [root, branch] of folded) {
    if (Object.hasOwn(out, root)) continue; // `a=x` and `a[b]=y` together: the plain field stands
    setOwn(out, root, build(branch, shapes[root] ?? ANY));
  }
  return out;
}

/** A folded container: keys in arrival order; leaves are the raw field values. */
type Branch = Map<string, Branch | unknown>;

const ANY: ValueShape = Object.freeze({ type: "any" });
const INDEX = /^(?:0|[1-9]\d{0,5})$/;
/** Deeper nesting than this is left as written: no real form nests so deep, and the walk stays bounded. */
const MAX_SEGMENTS = 32;

/** `[a][0][]` from `start` as `["a", "0", ""]`; undefined when the name is not well-formed. */
function bracketPath(name: string, start: number): string[] | undefined {
  const path: string[] = [];
  let i = start;
  while (i < name.length) {
    if (name.charCodeAt(i) !== 91 /* [ */ || path.length >= MAX_SEGMENTS) return undefined;
    const close = name.indexOf("]", i);
    if (close === -1) return undefined;
    path.push(name.slice(i + 1, close));
    i = close + 1;
  }
  return path.length === 0 ? undefined : path;
}

function place(branch: Branch, path: string[], value: unknown): void {
  let target = branch;
  for (let k = 0; k < path.length; k++) {
    // `[]` appends: a new index each time it is met.
    const segment = path[k] === "" ? String(target.size) : (path[k] as string);
    if (k === path.length - 1) {
      const existing = target.get(segment);
      target.set(segment, existing === undefined ? value : ([] as unknown[]).concat(existing, value));
      return;
    }
    const next = target.get(segment);
    if (next instanceof Map) target = next;
    else {
      const child: Branch = new Map();
      target.set(segment, child);
      target = child;
    }
  }
}

function build(branch: Branch, shape: ValueShape): unknown {
  const asArray =
    shape.type === "array" || (shape.type !== "object" && [...branch.keys()].every((key) => INDEX.test(key)));
  if (asArray) {
    const items = shape.items ?? ANY;
    const keys = [...branch.keys()].sort((a, b) => Number(a) - Number(b));
    return keys.map((key) => valueOf(branch.get(key), items));
  }
  const object: Record<string, unknown> = {};
  for (const [key, child] of branch) setOwn(object, key, valueOf(child, propertyShape(shape, key)));
  return object;
}

function valueOf(child: unknown, shape: ValueShape): unknown {
  return child instanceof Map ? build(child as Branch, shape) : coerceField(child, shape);
}

/** A field's text by its shape; a repeated field is a list, each item coerced. */
function coerceField(value: unknown, shape: ValueShape | undefined): unknown {
  if (shape === undefined) return value;
  if (typeof value === "string") return coerceString(value, shape);
  if (Array.isArray(value))
    return value.map((item) => (typeof item === "string" ? coerceString(item, shape.items ?? shape) : item));
  return value;
}

function propertyShape(shape: ValueShape, name: string): ValueShape {
  return (
    (shape.properties !== undefined && Object.hasOwn(shape.properties, name) ? shape.properties[name] : undefined) ??
    ANY
  );
}

/** `__proto__` as a plain assignment would set the prototype instead of a property. */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === "__proto__")
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

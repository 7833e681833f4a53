import { type JsonObject } from "./pointer.js";
import { capRecursiveItems } from "./breadth.js";
import { CUT, childScope, prepareSchema, type Prepared, type Scope } from "./prepare.js";

/**
 * The array keywords of a prepared schema. Draft-04 tuples (`items: [...]` with
 * `additionalItems`) become 2020-12 `prefixItems` + `items`, which jsf reads. An item schema cut
 * by recursion leaves the array empty where `minItems` allows it.
 */
export function prepareArrayKeywords(raw: JsonObject, out: JsonObject, scope: Scope): typeof CUT | void {
  const tuple = Array.isArray(raw.items) ? raw.items : raw.prefixItems;
  if (Array.isArray(tuple)) {
    const prefix = tuple.map((sub) => prepareSchema(sub, childScope(scope)));
    if (prefix.includes(CUT)) return CUT;
    out.prefixItems = prefix;
  }
  const rest = Array.isArray(raw.items) ? raw.additionalItems : raw.items;
  if (rest !== undefined && prepareItems(rest, raw, out, scope) === CUT) return CUT;
  if (raw.contains !== undefined) {
    const contains = prepareSchema(raw.contains, childScope(scope));
    if (contains === CUT) return CUT;
    out.contains = contains;
  }
}

function prepareItems(items: unknown, raw: JsonObject, out: JsonObject, scope: Scope): typeof CUT | void {
  const prepared: Prepared = prepareSchema(items, childScope(scope));
  if (prepared !== CUT) {
    out.items = prepared;
    capRecursiveItems(items, raw, out, scope);
    return;
  }
  const minItems = typeof raw.minItems === "number" ? raw.minItems : 0;
  const prefixLength = Array.isArray(out.prefixItems) ? out.prefixItems.length : 0;
  if (minItems > prefixLength) return CUT;
  // No item schema and no room for items: jsf makes only the prefix (or nothing).
  out.maxItems = prefixLength;
}

import { collectRefs } from "./keywords.js";
import { refKey, type JsonObject } from "./pointer.js";
import type { Prepared, Scope } from "./prepare.js";

/**
 * Breadth inside recursion. Depth alone does not keep fakes of big cycles small: Stripe's charge,
 * customer, invoice and subscription all reach each other through "expandable" fields
 * (`anyOf: [id string, $ref object]`) and lists, and six levels of that is 100 kB per fake. So
 * below the top of a cycle (level 1 and deeper): an alternative that recurses is dropped where one
 * that does not remains (the id, not the expanded object; null, not a nested object), and an array
 * of recursive items gets at most one item beyond its minItems. Neither can make a fake invalid.
 */
const RECURSIVE_ITEMS = 1;

/** True when `raw` holds a `$ref` back into the cycle of the schema it sits in. */
export function recurses(raw: unknown, scope: Scope): boolean {
  const home = scope.home;
  if (home === undefined) return false;
  return collectRefs(raw).some((ref) => ref.startsWith("#") && scope.view.graph.isRecursive(home, refKey(ref)));
}

/** The alternatives (oneOf/anyOf) to keep: inside recursion, the non-recursive ones if there are any. */
export function keptAlternatives(branches: { raw: unknown; prepared: Prepared }[], scope: Scope): Prepared[] {
  const all = branches.map((b) => b.prepared);
  if (scope.level < 1) return all;
  const flat = branches.filter((b) => !recurses(b.raw, scope));
  return flat.length > 0 ? flat.map((b) => b.prepared) : all;
}

/** Inside recursion, an array of recursive items is kept short. */
export function capRecursiveItems(items: unknown, raw: JsonObject, out: JsonObject, scope: Scope): void {
  if (scope.level < 1 || !recurses(items, scope)) return;
  const minItems = typeof raw.minItems === "number" ? raw.minItems : 0;
  const cap = Math.max(minItems, RECURSIVE_ITEMS);
  out.maxItems = typeof out.maxItems === "number" ? Math.min(out.maxItems, cap) : cap;
}

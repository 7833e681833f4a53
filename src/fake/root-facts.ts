import { MAX_FAKE_VALUES } from "./limits.js";
import { propertyTreeSize, requiredOnly } from "./property-tree.js";
import { valueBound } from "./value-bound.js";

/** What fakeValue needs to know of a prepared schema before it hands the schema to jsf. */
export interface RootFacts {
  /** Its property tree is past the fake budget (property-tree.ts): jsf must not see it. */
  readonly overBudget: boolean;
  /** No fake of it can have more values than the budget allows: they need not be counted. */
  readonly withinBudget: boolean;
  /** The same schema with required properties only, for a fake past the budget; made on first use. */
  leanSchema(): unknown;
}

/**
 * Prepared schemas never change once made (prepare.ts), so these facts are worked out once per
 * schema and kept while it lives, not walked again on every fake. A prepared schema belongs to
 * one DocumentView, so to one `maxItems` (jsf's length for arrays without their own).
 */
const known = new WeakMap<object, RootFacts>();

export function rootFacts(root: unknown, maxItems: number): RootFacts {
  if (typeof root !== "object" || root === null) return factsOf(root, maxItems);
  let facts = known.get(root);
  if (!facts) known.set(root, (facts = factsOf(root, maxItems)));
  return facts;
}

function factsOf(root: unknown, maxItems: number): RootFacts {
  let lean: { schema: unknown } | undefined;
  return {
    overBudget: propertyTreeSize(root, MAX_FAKE_VALUES) > MAX_FAKE_VALUES,
    withinBudget: valueBound(root, maxItems) <= MAX_FAKE_VALUES,
    leanSchema: () => (lean ??= { schema: requiredOnly(root) }).schema,
  };
}

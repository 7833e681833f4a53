import { pathWeight } from "./path-expression.js";
import type { RuleEntry, RuleList } from "./rules.js";

/** The rules that govern one value, and whether they were written for a parent path (cascaded). */
export interface SelectedRules {
  list: RuleList;
  /** True when the winning rule's path is shorter than the value's: sizes (`min`, `max`) then do not apply. */
  cascaded: boolean;
  expression: string;
  /** Pact's weight of the winning path and its length in tokens: to compare selections. */
  weight: number;
  length: number;
}

/** Pact's `select_best_matcher`: the applicable entry of highest weight, then of longest path. */
export function selectRules(entries: RuleEntry[] | undefined, path: readonly string[]): SelectedRules | undefined {
  if (!entries) return undefined;
  let best: RuleEntry | undefined;
  let bestWeight = 0;
  for (const entry of entries) {
    const weight = pathWeight(entry.tokens, path);
    if (weight === 0) continue;
    if (
      weight > bestWeight ||
      (weight === bestWeight && best !== undefined && entry.tokens.length > best.tokens.length)
    ) {
      best = entry;
      bestWeight = weight;
    }
  }
  return best
    ? {
        list: best.list,
        cascaded: best.tokens.length !== path.length,
        expression: best.expression,
        weight: bestWeight,
        length: best.tokens.length,
      }
    : undefined;
}

/** Rules written for exactly this path (not cascaded) that are one of `kinds`: `values`, `eachKey`... */
export function directRule(
  entries: RuleEntry[] | undefined,
  path: readonly string[],
  kinds: readonly string[],
): RuleList | undefined {
  const selected = selectRules(entries, path);
  if (!selected || selected.cascaded) return undefined;
  return selected.list.rules.some((r) => kinds.includes(r.match)) ? selected.list : undefined;
}

/** The best selection over alternative paths of one value (XML elements may be addressed with or without an index). */
export function selectAmong(
  entries: RuleEntry[] | undefined,
  paths: ReadonlyArray<readonly string[]>,
): SelectedRules | undefined {
  let best: SelectedRules | undefined;
  for (const path of paths) {
    const selected = selectRules(entries, path);
    if (
      selected &&
      (!best || selected.weight > best.weight || (selected.weight === best.weight && selected.length > best.length))
    )
      best = selected;
  }
  return best;
}

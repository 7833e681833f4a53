import { isObject } from "../../contract/pointer.js";
import type { MatchingRule, RuleList } from "./rules.js";

const DATE_KINDS = ["timestamp", "datetime", "date", "time"];

/** One entry's rules: V3/V4 `{ matchers: [...], combine }`, or a single V2 rule object. */
export function ruleListOf(value: unknown): RuleList | undefined {
  if (!isObject(value)) return undefined;
  const combine = value.combine === "OR" ? "OR" : "AND";
  const raws = Array.isArray(value.matchers) ? value.matchers : [value];
  const rules = raws.map(normaliseRule).filter((r): r is MatchingRule => r !== undefined);
  return rules.length > 0 ? { combine, rules } : undefined;
}

/** V2 writes `{ "min": 1 }` for `type` with a minimum and `{ "regex": "..." }` without `match`. */
export function normaliseRule(raw: unknown): MatchingRule | undefined {
  if (!isObject(raw)) return undefined;
  if (typeof raw.match === "string") {
    const named = DATE_KINDS.includes(raw.match) ? raw[raw.match] : undefined; // V2 `{ match: "timestamp", timestamp: "yyyy-MM-dd" }`
    return {
      ...(typeof named === "string" && raw.format === undefined ? { format: named } : {}),
      ...raw,
      match: raw.match,
    } as MatchingRule;
  }
  if (typeof raw.regex === "string") return { ...raw, match: "regex" };
  if (raw.min !== undefined || raw.max !== undefined) return { ...raw, match: "type" };
  for (const kind of DATE_KINDS) if (typeof raw[kind] === "string") return { ...raw, match: kind, format: raw[kind] };
  return undefined;
}

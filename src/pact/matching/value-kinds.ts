import type { RuleContext } from "./check-rule.js";
import { DEFAULT_FORMATS, matchesDateFormat } from "./date-format.js";
import type { MatchingRule } from "./rules.js";
import { show } from "./values.js";

/** The value kinds of Pact's matchers that need more than a `typeof`. */
const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;

export function isSemver(actual: unknown): boolean {
  return typeof actual === "string" && SEMVER.test(actual);
}

export function checkDate(rule: MatchingRule, actual: unknown): string | undefined {
  const format = typeof rule.format === "string" ? rule.format : (DEFAULT_FORMATS[rule.match] ?? "");
  if (typeof actual === "string" && matchesDateFormat(actual, format)) return undefined;
  return `expected ${show(actual)} to be a ${rule.match} in the format "${format}"`;
}

export function isDecimal(actual: unknown, context: RuleContext): boolean {
  if (context.text) return /^-?\d*\.\d+$/.test(String(actual));
  return typeof actual === "number" && !Number.isInteger(actual); // JSON.parse keeps no "1.0": see docs/compat.md
}

export function isNumber(actual: unknown, context: RuleContext): boolean {
  if (context.text) return typeof actual === "string" && actual.trim() !== "" && Number.isFinite(Number(actual));
  return typeof actual === "number";
}

export function isEmpty(actual: unknown): boolean {
  if (actual === null || actual === undefined || actual === "") return true;
  if (Array.isArray(actual)) return actual.length === 0;
  return typeof actual === "object" && Object.keys(actual).length === 0;
}

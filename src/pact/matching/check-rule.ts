import { pactRegex } from "./regex.js";
import type { MatchingRule, RuleList } from "./rules.js";
import { checkStatusClass } from "./status-class.js";
import { checkDate, isDecimal, isEmpty, isNumber, isSemver } from "./value-kinds.js";
import { deepEqual, jsonTypeOf, show, textOf } from "./values.js";

/** How a rule reads values: JSON values of a body, or the strings of a path, header or query value. */
export interface RuleContext {
  /** The rule was written for a parent path: array sizes (`min`, `max`) do not apply. */
  cascaded: boolean;
  /** Strings from a URL or header: `integer` reads "42" as an integer, `type` any string. */
  text: boolean;
}

/** A rule list by its `combine`: AND reports every failing rule, OR fails only when none passes. */
export function checkRules(list: RuleList, expected: unknown, actual: unknown, context: RuleContext): string[] {
  const failures: string[] = [];
  for (const rule of list.rules) {
    const failure = checkRule(rule, expected, actual, context);
    if (failure === undefined && list.combine === "OR") return [];
    if (failure !== undefined) failures.push(failure);
  }
  return failures;
}

/** One rule against one actual value: why it fails, or undefined. Structural rules pass here. */
export function checkRule(
  rule: MatchingRule,
  expected: unknown,
  actual: unknown,
  context: RuleContext,
): string | undefined {
  switch (rule.match) {
    case "type":
    case "min":
    case "max":
      return checkType(rule, expected, actual, context);
    case "regex":
      return checkRegex(String(rule.regex ?? ""), actual);
    case "include":
      return textOf(actual).includes(String(rule.value ?? ""))
        ? undefined
        : `expected ${show(actual)} to include ${show(rule.value)}`;
    case "integer":
      return (context.text ? /^-?\d+$/.test(String(actual)) : Number.isInteger(actual))
        ? undefined
        : `expected an integer but was ${show(actual)}`;
    case "decimal":
      return isDecimal(actual, context) ? undefined : `expected a decimal number but was ${show(actual)}`;
    case "number":
      return isNumber(actual, context) ? undefined : `expected a number but was ${show(actual)}`;
    case "boolean":
      return typeof actual === "boolean" || actual === "true" || actual === "false"
        ? undefined
        : `expected a boolean but was ${show(actual)}`;
    case "null":
      return actual === null ? undefined : `expected null but was ${show(actual)}`;
    case "date":
    case "time":
    case "datetime":
    case "timestamp":
      return checkDate(rule, actual);
    case "semver":
      return isSemver(actual) ? undefined : `expected a semantic version but was ${show(actual)}`;
    case "notEmpty":
      return isEmpty(actual) ? `expected a value that is not empty but was ${show(actual)}` : undefined;
    case "statusCode":
      return checkStatusClass(rule, actual);
    case "values":
    case "eachKey":
    case "eachValue":
    case "arrayContains":
    case "contentType":
      return undefined; // structural: the body comparison applies them
    default:
      return deepEqual(expected, actual) ? undefined : `expected ${show(expected)} but was ${show(actual)}`;
  }
}

function checkType(rule: MatchingRule, expected: unknown, actual: unknown, context: RuleContext): string | undefined {
  if (!context.text && jsonTypeOf(expected) !== jsonTypeOf(actual))
    return `expected a value of type ${jsonTypeOf(expected)} (like ${show(expected)}) but was ${show(actual)}`;
  if (context.cascaded || !Array.isArray(actual)) return undefined;
  const min = typeof rule.min === "number" ? rule.min : undefined;
  const max = typeof rule.max === "number" ? rule.max : undefined;
  if (min !== undefined && actual.length < min)
    return `expected at least ${min} item(s) but there were ${actual.length}`;
  if (max !== undefined && actual.length > max)
    return `expected at most ${max} item(s) but there were ${actual.length}`;
  return undefined;
}

function checkRegex(pattern: string, actual: unknown): string | undefined {
  const regex = pactRegex(pattern);
  if (!regex) return `the pact's regex /${pattern}/ is not valid`;
  return regex.test(textOf(actual)) ? undefined : `expected ${show(actual)} to match /${pattern}/`;
}

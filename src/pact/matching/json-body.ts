import { isObject } from "../../contract/pointer.js";
import { checkRules } from "./check-rule.js";
import type { Mismatch } from "./mismatch.js";
import { formatPath } from "./path-expression.js";
import { readCategoryEntries, type RuleEntry, type RuleList } from "./rules.js";
import { directRule, selectRules } from "./select.js";
import { deepEqual, jsonTypeOf, show } from "./values.js";

export interface JsonContext {
  rules: RuleEntry[] | undefined;
  /** Responses may carry keys the pact does not name; requests may not (Pact's NoUnexpectedKeys). */
  allowUnexpectedKeys: boolean;
}

/** Pact's JSON body comparison: maps by key, lists by index (or each item against the first under a matcher), leaves by rule or equality. */
export function compareJson(path: string[], expected: unknown, actual: unknown, context: JsonContext): Mismatch[] {
  if (isObject(expected))
    return isObject(actual) ? compareMaps(path, expected, actual, context) : [typeMismatch(path, expected, actual)];
  if (Array.isArray(expected))
    return Array.isArray(actual)
      ? compareLists(path, expected, actual, context)
      : [typeMismatch(path, expected, actual)];
  const selected = selectRules(context.rules, path);
  const failures = selected
    ? checkRules(selected.list, expected, actual, { cascaded: selected.cascaded, text: false })
    : deepEqual(expected, actual)
      ? []
      : [`expected ${show(expected)} but was ${show(actual)}`];
  return failures.map((message) => at(path, message));
}

function compareMaps(
  path: string[],
  expected: Record<string, unknown>,
  actual: Record<string, unknown>,
  context: JsonContext,
): Mismatch[] {
  const expectedKeys = Object.keys(expected);
  const actualKeys = Object.keys(actual);
  if (expectedKeys.length === 0 && actualKeys.length > 0 && !context.allowUnexpectedKeys)
    return [at(path, `expected an empty map but received ${show(actual)}`)];
  const out = ruleFailures(path, expected, actual, context);
  const each = directRule(context.rules, path, ["values", "eachKey", "eachValue"]);
  if (each) return [...out, ...compareEachEntry(path, each, expected, actual, context)];
  const missing = expectedKeys.filter((k) => !Object.hasOwn(actual, k));
  if (missing.length > 0) out.push(at(path, `the map is missing the key(s) ${missing.join(", ")}`));
  const unexpected = actualKeys.filter((k) => !Object.hasOwn(expected, k));
  if (unexpected.length > 0 && !context.allowUnexpectedKeys)
    out.push(at(path, `unexpected key(s) ${unexpected.join(", ")}`));
  for (const key of expectedKeys)
    if (Object.hasOwn(actual, key)) out.push(...compareJson([...path, key], expected[key], actual[key], context));
  return out;
}

/** `values` / `eachValue`: keys are free, every value is like the first expected one; `eachKey` checks the keys. */
function compareEachEntry(
  path: string[],
  list: RuleList,
  expected: Record<string, unknown>,
  actual: Record<string, unknown>,
  context: JsonContext,
): Mismatch[] {
  const out: Mismatch[] = [];
  const example = Object.values(expected)[0];
  for (const rule of list.rules) {
    const inner = {
      combine: "AND" as const,
      rules: Array.isArray(rule.rules) ? (rule.rules as RuleList["rules"]) : [],
    };
    if (rule.match === "eachKey")
      for (const key of Object.keys(actual))
        out.push(...checkRules(inner, key, key, { cascaded: false, text: true }).map((m) => at([...path, key], m)));
    if (rule.match === "eachValue")
      for (const [key, value] of Object.entries(actual))
        out.push(
          ...checkRules(inner, example, value, { cascaded: false, text: false }).map((m) => at([...path, key], m)),
        );
  }
  if (example !== undefined)
    for (const [key, value] of Object.entries(actual))
      out.push(...compareJson([...path, key], example, value, context));
  return out;
}

function compareLists(path: string[], expected: unknown[], actual: unknown[], context: JsonContext): Mismatch[] {
  const selected = selectRules(context.rules, path);
  if (!selected) {
    if (expected.length === 0 && actual.length > 0)
      return [at(path, `expected an empty list but received ${show(actual)}`)];
    const out = expected.flatMap((item, i) =>
      i < actual.length ? compareJson([...path, String(i)], item, actual[i], context) : [],
    );
    if (expected.length !== actual.length)
      out.push(at(path, `expected a list of ${expected.length} item(s) but received ${actual.length}`));
    return out;
  }
  const out = ruleFailures(path, expected, actual, context);
  const contains = selected.list.rules.find((r) => r.match === "arrayContains");
  if (contains && !selected.cascaded)
    return [...out, ...checkArrayContains(path, contains.variants, expected, actual, context)];
  const example = expected[0];
  if (example === undefined) return out;
  actual.forEach((item, i) => out.push(...compareJson([...path, String(i)], example, item, context)));
  return out;
}

/** V4 `arrayContains`: for each variant, some item of the actual list matches the variant's example under its own rules. */
function checkArrayContains(
  path: string[],
  variants: unknown,
  expected: unknown[],
  actual: unknown[],
  context: JsonContext,
): Mismatch[] {
  const out: Mismatch[] = [];
  for (const variant of Array.isArray(variants) ? variants.filter(isObject) : []) {
    const index = typeof variant.index === "number" ? variant.index : 0;
    const inner: JsonContext = {
      rules: readCategoryEntries("body", variant.rules),
      allowUnexpectedKeys: context.allowUnexpectedKeys,
    };
    const found = actual.some((item) => compareJson(["$"], expected[index], item, inner).length === 0);
    if (!found) out.push(at(path, `no item matches the expected item ${show(expected[index])}`));
  }
  return out;
}

function ruleFailures(path: string[], expected: unknown, actual: unknown, context: JsonContext): Mismatch[] {
  const selected = selectRules(context.rules, path);
  if (!selected) return [];
  return checkRules(selected.list, expected, actual, { cascaded: selected.cascaded, text: false }).map((m) =>
    at(path, m),
  );
}

function typeMismatch(path: string[], expected: unknown, actual: unknown): Mismatch {
  return at(path, `expected a ${jsonTypeOf(expected) === "object" ? "map" : "list"} but was ${show(actual)}`);
}

function at(path: string[], message: string): Mismatch {
  return { part: "body", where: formatPath(path), message };
}

import { isObject } from "../../contract/pointer.js";
import { parsePathExpression, type PathToken } from "./path-expression.js";
import { ruleListOf } from "./rule-list.js";

/** One matching rule as the pact writes it, normalised: `{ match: "regex", regex: "\\d+" }`. */
export interface MatchingRule {
  match: string;
  [parameter: string]: unknown;
}

export interface RuleList {
  combine: "AND" | "OR";
  rules: MatchingRule[];
}

/** Where in the request or response a rule applies: a JSON path for bodies, a name for headers and query. */
export interface RuleEntry {
  expression: string;
  tokens: PathToken[];
  list: RuleList;
}

export type RuleCategory = "path" | "query" | "header" | "body" | "status";
export type MatchingRules = Partial<Record<RuleCategory, RuleEntry[]>>;

const CATEGORY_NAMES: Record<string, RuleCategory> = {
  path: "path",
  query: "query",
  header: "header",
  headers: "header",
  body: "body",
  status: "status",
};

/**
 * Reads `matchingRules` of any specification version into one shape. V2 keys are flat paths
 * (`$.body.animals[*]`, `$.headers.Accept`, `$.query.q`, `$.path`); V3 and V4 group them by
 * category, each with a `matchers` list and `combine`. Header and query entries are keyed by name
 * and given the path `$.name`, as Pact's core does.
 */
export function readMatchingRules(raw: unknown): MatchingRules {
  if (!isObject(raw)) return {};
  const rules: MatchingRules = {};
  const add = (category: RuleCategory, key: string, value: unknown) => {
    const entry = entryOf(category, key, value);
    if (entry) (rules[category] ??= []).push(entry);
  };
  for (const [key, value] of Object.entries(raw)) {
    if (key.startsWith("$")) addV2Rule(key, value, add);
    else if (CATEGORY_NAMES[key] && isObject(value)) addCategory(CATEGORY_NAMES[key], value, add);
  }
  return rules;
}

type AddRule = (category: RuleCategory, key: string, value: unknown) => void;

function addV2Rule(key: string, value: unknown, add: AddRule): void {
  const v2 = /^\$\.(body|headers|query|path)(?=$|[.[])(.*)$/.exec(key);
  if (!v2) return;
  const [, part, rest = ""] = v2;
  if (part === "body") add("body", `$${rest}`, value);
  else if (part === "path") add("path", "$", value);
  else add(part === "headers" ? "header" : "query", nameOf(rest), value);
}

function addCategory(category: RuleCategory, value: Record<string, unknown>, add: AddRule): void {
  if (Array.isArray(value.matchers)) return add(category, "$", value); // V3/V4 `path`: one list, no keys
  for (const [key, entry] of Object.entries(value)) add(category, key, entry);
}

/** `.Accept`, `['Content-Type']` or `Accept` -> `Accept`. */
function nameOf(text: string): string {
  const bracketed = /^\[['"](.*)['"]\]$/.exec(text);
  if (bracketed) return bracketed[1]!;
  return text.replace(/^\.|^\$\./, "");
}

function entryOf(category: RuleCategory, key: string, value: unknown): RuleEntry | undefined {
  const list = ruleListOf(value);
  if (!list) return undefined;
  if (category === "header" || category === "query") {
    const name = nameOf(key);
    const field = category === "header" ? name.toLowerCase() : name; // header names match case-insensitively
    return { expression: name, tokens: [{ kind: "root" }, { kind: "field", name: field }], list };
  }
  const tokens = parsePathExpression(key);
  return tokens ? { expression: key, tokens, list } : undefined;
}

/** The entries of one category written as a map of path to rule list (`arrayContains` variants use it). */
export function readCategoryEntries(category: RuleCategory, raw: unknown): RuleEntry[] {
  if (!isObject(raw)) return [];
  const entries: RuleEntry[] = [];
  addCategory(category, raw, (c, key, value) => {
    const entry = entryOf(c, key, value);
    if (entry) entries.push(entry);
  });
  return entries;
}

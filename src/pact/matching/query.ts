import type { PactQuery } from "../http-interaction.js";
import { checkRules } from "./check-rule.js";
import type { Mismatch } from "./mismatch.js";
import type { RuleEntry } from "./rules.js";
import { selectRules } from "./select.js";

/**
 * Query parameters (and form fields) compare as a map: every expected name with the same values in
 * the same order, no unexpected name. Under a rule, each received value is checked against the
 * first expected one. A V1 pact compares the query as a sequence, so order and a trailing `&` count.
 */
export function matchQuery(
  expected: PactQuery | undefined,
  actual: { text: string; values: Map<string, string[]> },
  rules: RuleEntry[] | undefined,
): Mismatch[] {
  if (expected?.raw !== undefined)
    return sameSequence(expected.raw, actual.text)
      ? []
      : [{ part: "query", where: "", message: `expected the query "${expected.raw}" but was "${actual.text}"` }];
  return compareParameters(expected?.values ?? new Map(), actual.values, rules, "query");
}

export function compareParameters(
  expected: Map<string, string[]>,
  actual: Map<string, string[]>,
  rules: RuleEntry[] | undefined,
  part: "query" | "body",
): Mismatch[] {
  const out: Mismatch[] = [];
  const what = part === "query" ? "query parameter" : "form field";
  for (const [name, values] of expected) {
    const received = actual.get(name);
    if (received === undefined) out.push({ part, where: name, message: `expected ${what} ${name} but it was missing` });
    else out.push(...compareValues(name, values, received, rules, part));
  }
  for (const name of actual.keys())
    if (!expected.has(name)) out.push({ part, where: name, message: `unexpected ${what} ${name}` });
  return out;
}

function compareValues(
  name: string,
  expected: string[],
  actual: string[],
  rules: RuleEntry[] | undefined,
  part: "query" | "body",
): Mismatch[] {
  const at = (message: string): Mismatch => ({ part, where: name, message });
  const selected = selectRules(rules, ["$", name]);
  if (!selected) {
    const same = expected.length === actual.length && expected.every((v, i) => v === actual[i]);
    return same ? [] : [at(`expected ${JSON.stringify(expected)} but was ${JSON.stringify(actual)}`)];
  }
  const sizes = checkRules(
    { combine: "AND", rules: selected.list.rules.filter((r) => r.match === "type") },
    expected,
    actual,
    { cascaded: false, text: false },
  );
  const each = actual.flatMap((value) =>
    checkRules(selected.list, expected[0] ?? "", value, { cascaded: false, text: true }),
  );
  return [...sizes, ...each].map(at);
}

function sameSequence(expected: string, actual: string): boolean {
  const pairs = (text: string) =>
    text
      .replace(/^\?/, "")
      .split("&")
      .map((piece) => piece.split("=").map(decodeLoosely).join("="));
  const e = pairs(expected);
  const a = pairs(actual);
  return e.length === a.length && e.every((p, i) => p === a[i]);
}

function decodeLoosely(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, " "));
  } catch {
    return text;
  }
}

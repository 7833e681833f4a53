import type { PactHeaders } from "../http-interaction.js";
import { checkRules } from "./check-rule.js";
import type { Mismatch } from "./mismatch.js";
import type { RuleEntry, RuleList } from "./rules.js";
import { selectRules } from "./select.js";

/** Headers whose parameters (`;charset=utf-8`) compare as a set, as Pact's core compares them. */
const PARAMETERISED = new Set(["accept", "content-type"]);

/**
 * Every expected header must be there (names ignore case; extra headers are fine). Values compare
 * after removing blanks around commas; by their rules where the pact has some; `Accept` and
 * `Content-Type` by media type with the expected parameters a subset of the actual ones.
 */
export function matchHeaders(
  expected: PactHeaders,
  actual: Map<string, string>,
  rules: RuleEntry[] | undefined,
  lines?: Map<string, string[]>,
): Mismatch[] {
  const out: Mismatch[] = [];
  for (const [key, { name, value }] of expected) {
    const received = actual.get(key);
    if (received === undefined) {
      out.push({ part: "header", where: name, message: `expected header ${name} but it was missing` });
      continue;
    }
    const e = stripBlanks(value);
    const a = stripBlanks(received);
    const selected = selectRules(rules, ["$", key]);
    const failures = selected
      ? checkEachLine(selected.list, e, lines?.get(key) ?? [received])
      : sameHeaderValue(key, e, a)
        ? []
        : [`expected "${e}" but was "${a}"`];
    out.push(...failures.map((message) => ({ part: "header" as const, where: name, message })));
  }
  return out;
}

/**
 * Under a rule, each line of a repeated header (`X-Test: 1` and `X-Test: 1000`) is checked, against
 * the expected value at its place (else the first), as Pact's core does: `integer` passes those two
 * lines, and refuses the one line `X-Test: 1, 1000`.
 */
function checkEachLine(list: RuleList, expected: string, lines: string[]): string[] {
  const wanted = expected.split(",");
  return lines.flatMap((value, i) =>
    checkRules(list, wanted[i] ?? wanted[0] ?? "", value.trim(), { cascaded: false, text: true }),
  );
}

function stripBlanks(value: string): string {
  return value
    .split(",")
    .map((part) => part.trim())
    .join(",");
}

function sameHeaderValue(key: string, expected: string, actual: string): boolean {
  if (expected === actual) return true;
  if (!PARAMETERISED.has(key)) return false;
  const e = expected.split(",");
  const a = actual.split(",");
  return e.length === a.length && e.every((item, i) => sameParameterised(item, a[i]!));
}

/** `application/json;charset=utf-8` vs `application/json; charset=UTF-8; q=1`: same type, expected params present. */
function sameParameterised(expected: string, actual: string): boolean {
  const e = splitParameters(expected);
  const a = splitParameters(actual);
  if (e.value !== a.value) return false;
  for (const [name, value] of e.params) {
    const other = a.params.get(name);
    if (other === undefined || (name === "charset" ? other.toLowerCase() !== value.toLowerCase() : other !== value))
      return false;
  }
  return true;
}

function splitParameters(text: string): { value: string; params: Map<string, string> } {
  const [value = "", ...rest] = text.split(";").map((p) => p.trim());
  const params = new Map<string, string>();
  for (const part of rest) {
    const eq = part.indexOf("=");
    if (eq > 0)
      params.set(
        part.slice(0, eq).trim().toLowerCase(),
        part
          .slice(eq + 1)
          .trim()
          .replace(/^"(.*)"$/, "$1"),
      );
  }
  return { value, params };
}

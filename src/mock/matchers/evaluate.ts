import type { FieldValues, Matcher } from "./types.js";
import { withoutIgnored } from "./json-equality.js";
import { sameJson, sameValue } from "./same-value.js";

/** True when the field's values satisfy the matcher (see FieldValues for lists). */
export function satisfies(matcher: Matcher, field: FieldValues): boolean {
  switch (matcher.kind) {
    case "absent":
      return field.values.length === 0;
    case "present":
      return field.values.length > 0;
    case "not":
      return !satisfies(matcher.of, field);
    case "and":
      return matcher.of.every((m) => satisfies(m, field));
    case "or":
      return matcher.of.some((m) => satisfies(m, field));
    case "equals":
      if (field.list && Array.isArray(matcher.value)) return sameValue(field.values, matcher.value);
      return field.values.some((v) => sameValue(v, matcher.value));
    default:
      return field.values.some((v) => leaf(matcher, v));
  }
}

function leaf(
  matcher: Extract<Matcher, { kind: "regex" | "contains" | "compare" | "equalToJson" }>,
  value: unknown,
): boolean {
  switch (matcher.kind) {
    case "regex":
      return isScalar(value) && matcher.tester.test(String(value));
    case "contains":
      if (Array.isArray(value)) return value.some((v) => sameValue(v, matcher.value));
      return isScalar(value) && String(value).includes(String(matcher.value));
    case "compare":
      return compares(matcher.op, numberOf(value), matcher.value);
    case "equalToJson": {
      const actual = withoutIgnored(value, matcher.ignore);
      const expected = withoutIgnored(matcher.value, matcher.ignore);
      return sameJson(actual, expected, matcher.ignoreExtraFields);
    }
  }
}

function compares(op: "gt" | "gte" | "lt" | "lte", actual: number | undefined, bound: number): boolean {
  if (actual === undefined) return false;
  return op === "gt" ? actual > bound : op === "gte" ? actual >= bound : op === "lt" ? actual < bound : actual <= bound;
}

/** A number, or numeric text (`?qty=7`, a header): anything else compares as nothing. */
function numberOf(value: unknown): number | undefined {
  if (typeof value === "number") return value;
  if (typeof value !== "string" || value.trim() === "") return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}

function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean";
}

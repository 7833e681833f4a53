import type { FieldValues, Matcher } from "./types.js";

/** How long a value may be in a message before it is cut: a header line or an Error stays readable. */
const SHOWN = 60;

/** `expected > 5, got 3`: what a condition asked and what the request had, for near-misses and `verify`. */
export function mismatch(matcher: Matcher, field: FieldValues): string {
  return `expected ${expectation(matcher)}, got ${shown(field)}`;
}

export function expectation(matcher: Matcher): string {
  switch (matcher.kind) {
    case "equals":
      return short(matcher.value);
    case "regex":
      return `to match /${cut(matcher.pattern)}/`;
    case "contains":
      return `to contain ${short(matcher.value)}`;
    case "absent":
      return "nothing";
    case "present":
      return "a value";
    case "compare":
      return `${{ gt: ">", gte: ">=", lt: "<", lte: "<=" }[matcher.op]} ${matcher.value}`;
    case "equalToJson":
      return `JSON equal to ${short(matcher.value)}`;
    case "not":
      return `not ${expectation(matcher.of)}`;
    default:
      return `(${matcher.of.map(expectation).join(` ${matcher.kind} `)})`;
  }
}

function shown(field: FieldValues): string {
  if (field.values.length === 0) return "nothing";
  return field.list ? short(field.values) : short(field.values[0]);
}

function short(value: unknown): string {
  return cut(value === undefined ? "undefined" : JSON.stringify(value));
}

function cut(text: string): string {
  return text.length > SHOWN ? `${text.slice(0, SHOWN - 3)}...` : text;
}

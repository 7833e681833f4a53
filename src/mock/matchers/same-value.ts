/**
 * Equality of a request value and the value a mocks file expects: objects and arrays deeply, scalars
 * by their text, so `quantity: 2` in YAML matches `"2"` from a form body and `2` from JSON alike.
 */
export function sameValue(actual: unknown, expected: unknown): boolean {
  if (expected === null || typeof expected !== "object") {
    if (actual === null || actual === undefined || typeof actual === "object") return actual === expected;
    return String(actual) === String(expected);
  }
  if (Array.isArray(expected))
    return (
      Array.isArray(actual) && actual.length === expected.length && expected.every((e, i) => sameValue(actual[i], e))
    );
  if (!isRecord(actual)) return false;
  const keys = Object.keys(expected);
  return (
    keys.length === Object.keys(actual).length &&
    keys.every((k) => sameValue(actual[k], (expected as Record<string, unknown>)[k]))
  );
}

/** JSON equality as `equalToJson` means it: types count (`2` is not `"2"`); extra object fields may be allowed. */
export function sameJson(actual: unknown, expected: unknown, extraFields: boolean): boolean {
  if (expected === null || typeof expected !== "object") return actual === expected;
  if (Array.isArray(expected))
    return (
      Array.isArray(actual) &&
      actual.length === expected.length &&
      expected.every((e, i) => sameJson(actual[i], e, extraFields))
    );
  if (!isRecord(actual)) return false;
  const keys = Object.keys(expected);
  if (!extraFields && keys.length !== Object.keys(actual).length) return false;
  return keys.every(
    (k) =>
      Object.prototype.hasOwnProperty.call(actual, k) &&
      sameJson(actual[k], (expected as Record<string, unknown>)[k], extraFields),
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** JSON values as Pact compares them: by JSON type, and deep equality with unordered object keys. */
export type JsonType = "null" | "boolean" | "number" | "string" | "array" | "object";

export function jsonTypeOf(value: unknown): JsonType {
  if (value === null || value === undefined) return "null";
  if (Array.isArray(value)) return "array";
  const type = typeof value;
  return type === "boolean" || type === "number" || type === "string" ? type : "object";
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  const type = jsonTypeOf(a);
  if (type !== jsonTypeOf(b)) return false;
  if (type === "array") {
    const x = a as unknown[];
    const y = b as unknown[];
    return x.length === y.length && x.every((item, i) => deepEqual(item, y[i]));
  }
  if (type === "object") {
    const x = a as Record<string, unknown>;
    const y = b as Record<string, unknown>;
    const keys = Object.keys(x);
    return keys.length === Object.keys(y).length && keys.every((k) => Object.hasOwn(y, k) && deepEqual(x[k], y[k]));
  }
  return false;
}

/** A value as a short quoted text for mismatch messages. */
export function show(value: unknown): string {
  const text = value === undefined ? "(nothing)" : (JSON.stringify(value) ?? String(value));
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** What a regex or `include` matcher sees: a string as it is, anything else as its JSON text. */
export function textOf(value: unknown): string {
  return typeof value === "string" ? value : (JSON.stringify(value) ?? "");
}

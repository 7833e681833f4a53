/**
 * The JSONPath subset mocks files use: a root `$` followed by `.name`, `['name']`, `["name"]` and
 * `[0]` steps. Enough to point at one value; no wildcards, filters, slices or recursive descent.
 */
export type JsonPath = Array<string | number>;

const STEP = /^(?:\.([A-Za-z_$][\w$-]*|\d+)|\[(\d+)\]|\['((?:[^'\\]|\\.)*)'\]|\["((?:[^"\\]|\\.)*)"\])/;

/** The steps of `$.a.b[0]`, or a message saying why it is not a path of the subset. */
export function parseJsonPath(text: string): JsonPath | string {
  if (!text.startsWith("$")) return `JSONPath "${text}" must start with $`;
  const steps: JsonPath = [];
  let rest = text.slice(1);
  while (rest.length > 0) {
    const m = STEP.exec(rest);
    if (!m) return `JSONPath "${text}" is not in the supported subset ($.a.b[0], $['a b']) at "${rest}"`;
    if (m[2] !== undefined) steps.push(Number(m[2]));
    else steps.push((m[1] ?? m[3] ?? m[4] ?? "").replace(/\\(.)/g, "$1"));
    rest = rest.slice(m[0].length);
  }
  return steps;
}

/** The value at `path`, or undefined. A `.0` step indexes an array as `[0]` does. */
export function valueAt(root: unknown, path: JsonPath): unknown {
  let node = root;
  for (const step of path) {
    if (node === null || typeof node !== "object") return undefined;
    if (Array.isArray(node)) {
      const index = typeof step === "number" ? step : /^\d+$/.test(step) ? Number(step) : NaN;
      node = node[index];
    } else node = Object.prototype.hasOwnProperty.call(node, step) ? (node as Record<string, unknown>)[String(step)] : undefined;
  }
  return node;
}

/**
 * Equality of a request value and the value a mocks file expects: objects and arrays deeply, scalars
 * by their text, so `quantity: 2` in YAML matches `"2"` from a form body and `2` from JSON alike.
 */
export function sameValue(actual: unknown, expected: unknown): boolean {
  if (expected === null || typeof expected !== "object") {
    if (actual === null || actual === undefined || typeof actual === "object") return actual === expected;
    return String(actual) === String(expected);
  }
  if (Array.isArray(expected)) return Array.isArray(actual) && actual.length === expected.length && expected.every((e, i) => sameValue(actual[i], e));
  if (actual === null || typeof actual !== "object" || Array.isArray(actual)) return false;
  const a = actual as Record<string, unknown>;
  const e = expected as Record<string, unknown>;
  const keys = Object.keys(e);
  return keys.length === Object.keys(a).length && keys.every((k) => sameValue(a[k], e[k]));
}

import { jsonPathFunction } from "../load-on-demand.js";
import { filterProblem } from "./jsonpath-filter.js";

/** The steps of a definite JSONPath (`$.a.b[0]`): one value at most, read without the library. */
export type JsonPath = Array<string | number>;

/** A JSONPath checked at load: read with jsonpath-plus, filters evaluated by its safe evaluator (no `eval`). */
export interface CompiledJsonPath {
  text: string;
  /** True when it names one place (`$.a.b[0]`); false for wildcards, filters, slices, unions, recursive descent. */
  definite: boolean;
  /** The values found: none, one, or (indefinite paths) several. */
  read(root: unknown): unknown[];
  /** JSON pointers (`/items/0/id`) to the values found. */
  pointers(root: unknown): string[];
}

/** Steps that make a path select a list: wildcards, recursive descent, jsonpath-plus's parent and name selectors. */
const LIST_STEP = /^(?:\*|\.\.|~|\^|@.*\(\))$/;
/** Filters `?(...)`, scripts `(...)`, slices `0:2` and unions `0,1`. */
const SCRIPT_OR_SET = /^[?(]|[:,]/;

/** The path compiled, or a message saying why it cannot be used (a filter calling a function, a path without `$`). */
export function compileJsonPath(text: string): CompiledJsonPath | string {
  if (!text.startsWith("$")) return `JSONPath "${text}" must start with $`;
  const steps = jsonPathFunction().toPathArray(text).slice(1);
  for (const step of steps) {
    const script = /^\??\((.*)\)$/s.exec(step)?.[1];
    const problem = script === undefined ? undefined : filterProblem(script);
    if (problem) return `JSONPath "${text}": ${problem}`;
  }
  const definite = steps.every((s) => !LIST_STEP.test(s) && !SCRIPT_OR_SET.test(s));
  return {
    text,
    definite,
    read: (root) =>
      root === undefined ? [] : (search(text, root, "value") as unknown[]).slice(0, definite ? 1 : undefined),
    pointers: (root) => (root === undefined ? [] : (search(text, root, "pointer") as string[])),
  };
}

function search(path: string, json: unknown, resultType: "value" | "pointer"): unknown[] {
  const found = jsonPathFunction()({
    path,
    json: json as object,
    wrap: true,
    eval: "safe",
    ignoreEvalErrors: true,
    resultType,
  }) as unknown[] | undefined;
  return found ?? [];
}

/** The steps of a definite path (`$.a.b[0]`, `$['a b']`), or a message when the path selects a list. */
export function parseJsonPath(text: string): JsonPath | string {
  const compiled = compileJsonPath(text);
  if (typeof compiled === "string") return compiled;
  if (!compiled.definite) return `JSONPath "${text}" must name one value ($.a.b[0], $['a b']), not a list`;
  return jsonPathFunction()
    .toPathArray(text)
    .slice(1)
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/** The value at `path`, or undefined. A `.0` step indexes an array as `[0]` does. */
export function valueAt(root: unknown, path: JsonPath): unknown {
  let node = root;
  for (const step of path) {
    if (node === null || typeof node !== "object") return undefined;
    if (Array.isArray(node)) {
      const index = typeof step === "number" ? step : /^\d+$/.test(step) ? Number(step) : NaN;
      node = node[index];
    } else
      node = Object.prototype.hasOwnProperty.call(node, step)
        ? (node as Record<string, unknown>)[String(step)]
        : undefined;
  }
  return node;
}

import { JSONPath } from "jsonpath-plus";

/** A path that can name several values (wildcards, descent, filters, slices, unions) answers a list. */
const INDEFINITE = /\*|\.\.|\?\(|\[[^\]]*[:,][^\]]*\]/;

/** At load, for a path written in the template: it must start with `$` and parse. */
export function jsonPathProblem(path: unknown): string | undefined {
  if (path === undefined) return undefined;
  if (typeof path !== "string" || !path.startsWith("$")) return `jsonPath needs a JSONPath starting with $ (such as '$.items[0].id'), not ${JSON.stringify(path)}`;
  try {
    JSONPath({ path, json: { probe: [{}] }, eval: "safe" });
    return undefined;
  } catch (error) {
    return `jsonPath '${path}': ${(error as Error).message}`;
  }
}

/**
 * `{{jsonPath request.body '$.items[?(@.qty > 5)].sku'}}`: the value at a definite path (`$.a.b[0]`),
 * or the list of values of one that can name several. Filters run in jsonpath-plus's safe evaluator,
 * never as JavaScript.
 */
export function jsonPathValue(json: unknown, path: unknown): unknown {
  const problem = jsonPathProblem(path);
  if (problem) throw new Error(problem);
  if (json === null || typeof json !== "object") return undefined;
  const found = JSONPath({ path: path as string, json, eval: "safe", wrap: true }) as unknown[];
  return INDEFINITE.test(path as string) ? found : found[0];
}

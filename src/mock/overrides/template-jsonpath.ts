import { compileJsonPath, type CompiledJsonPath } from "../matchers/jsonpath.js";

/** Paths compiled so far: templates name few, so a small bound keeps a request-given path from growing it. */
const compiled = new Map<string, CompiledJsonPath>();
const MAX_CACHED = 256;

/** The path compiled by the matchers' own JSONPath reader (filters limited to values and comparisons), or why not. */
function compiledPath(path: unknown): CompiledJsonPath | string {
  if (typeof path !== "string")
    return `jsonPath needs a JSONPath starting with $ (such as '$.items[0].id'), not ${JSON.stringify(path) ?? "nothing"}`;
  const known = compiled.get(path);
  if (known) return known;
  const fresh = compileJsonPath(path);
  if (typeof fresh !== "string" && compiled.size < MAX_CACHED) compiled.set(path, fresh);
  return fresh;
}

/** At load, for a path written in the template. */
export function jsonPathProblem(path: unknown): string | undefined {
  if (path === undefined) return undefined;
  const found = compiledPath(path);
  return typeof found === "string" ? found : undefined;
}

/**
 * `{{jsonPath request.body '$.items[?(@.qty > 5)].sku'}}`: the value at a definite path (`$.a.b[0]`),
 * or the list of values of one that can name several (the same reading as the matchers' `body`).
 */
export function jsonPathValue(json: unknown, path: unknown): unknown {
  const found = compiledPath(path);
  if (typeof found === "string") throw new Error(found);
  if (json === null || typeof json !== "object") return found.definite ? undefined : [];
  const values = found.read(json);
  return found.definite ? values[0] : values;
}

import type { ContractWarning, Dialect, HttpMethod } from "./model.js";
import { HTTP_METHODS } from "./model.js";
import type { Located } from "./oas3.js";
import { isObject, joinPointer } from "./pointer.js";

type Doc = Record<string, unknown>;

/**
 * The operations of a path item with their method and pointer: the fixed fields (3.2 adds `query`),
 * then 3.2's `additionalOperations` (custom methods such as `COPY`), keyed by the method as sent.
 */
export function methodsOf(item: Located, dialect: Dialect): Array<[HttpMethod, unknown, string]> {
  const fields = dialect === "openapi-3.2" ? [...HTTP_METHODS, "query"] : HTTP_METHODS;
  const found: Array<[HttpMethod, unknown, string]> = fields.map((m) => [
    m,
    item.value[m],
    joinPointer(item.pointer, m),
  ]);
  const additional =
    dialect === "openapi-3.2" && isObject(item.value.additionalOperations) ? item.value.additionalOperations : {};
  for (const [name, raw] of Object.entries(additional)) {
    const method = name.toLowerCase();
    if (!fields.includes(method)) found.push([method, raw, joinPointer(item.pointer, "additionalOperations", name)]);
  }
  return found;
}

/** A path item `$ref` with siblings: the siblings win, as most tools do (3.0 leaves it undefined). */
export function mergePathItem(doc: Doc, raw: unknown, resolved: Doc): Doc {
  if (!isObject(raw) || raw.$ref === undefined) return resolved;
  const { $ref: _ignored, ...siblings } = raw;
  return { ...resolved, ...siblings };
}

/**
 * Box writes `#fragments` into path keys to tell apart operations on one path, others a `?query`
 * (`/search?type=user`): a URL's path never holds either, so routing ignores them.
 */
export function cleanTemplate(rawPath: string, file: string, warnings: ContractWarning[]): string {
  const cut = rawPath.search(/[?#]/);
  if (cut < 0) return rawPath;
  const pointer = joinPointer("#/paths", rawPath);
  if (rawPath[cut] === "#")
    warnings.push({
      code: "PATH_FRAGMENT",
      message: `Path "${rawPath}" has a #fragment; it is ignored for routing`,
      file,
      pointer,
    });
  else
    warnings.push({
      code: "PATH_QUERY",
      message: `Path "${rawPath}" has a ?query, which is not part of a path; it is served at "${rawPath.slice(0, cut)}" and the query is ignored for routing`,
      file,
      pointer,
    });
  return rawPath.slice(0, cut);
}

import type { Contract, Operation } from "../../contract/model.js";

/** A route no loaded contract has, answered by mocks entries that name it by `method` and `path`. */
export interface OutsideRoute {
  method: string;
  /** As the entry writes it: `/health`, `/legacy/orders/{id}`. */
  path: string;
  pattern: RegExp;
  paramNames: string[];
}

/**
 * The stand-in contract and operation of an entry outside the contracts: the override code answers
 * through them as through any operation, with nothing to validate against (no parameters, no
 * schemas, no documented responses), so the entry's own body and headers are sent as written.
 */
export function outsideTarget(
  method: string,
  path: string,
  file: string,
): { contract: Contract; operation: Operation; route: OutsideRoute } {
  const operationId = `${method.toUpperCase()} ${path}`;
  const contract: Contract = {
    id: file,
    file,
    title: "outside the contracts",
    version: "",
    dialect: "openapi-3.1",
    basePaths: [""],
    operations: [],
    securitySchemes: {},
    document: {},
    warnings: [],
  };
  const operation: Operation = {
    operationId,
    derivedId: true,
    method: method.toLowerCase(),
    path,
    tags: [],
    parameters: [],
    responses: [],
    security: [],
    source: { file, pointer: "" },
    deprecated: false,
  };
  return { contract, operation, route: { method: method.toUpperCase(), path, ...patternOf(path) } };
}

/** The path parameters when `method` and `pathname` are this route's, else undefined. */
export function matchOutside(
  route: OutsideRoute,
  method: string,
  pathname: string,
): Record<string, string> | undefined {
  if (route.method !== method.toUpperCase()) return undefined;
  const match = route.pattern.exec(pathname.length > 1 ? pathname.replace(/\/$/, "") : pathname);
  if (!match) return undefined;
  const params: Record<string, string> = {};
  route.paramNames.forEach((name, i) => (params[name] = decodeSafely(match[i + 1]!)));
  return params;
}

/** `/orders/{id}` -> `^/orders/([^/]+)$`: a template segment matches one whole segment. */
function patternOf(path: string): { pattern: RegExp; paramNames: string[] } {
  const paramNames: string[] = [];
  const source = path
    .replace(/\/$/, "")
    .split(/(\{[^}/]+\})/)
    .map((part) => {
      if (/^\{[^}/]+\}$/.test(part)) {
        paramNames.push(part.slice(1, -1));
        return "([^/]+)";
      }
      return part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    });
  return { pattern: new RegExp(`^${source.join("") || "/"}$`), paramNames };
}

function decodeSafely(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

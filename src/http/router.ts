import type { Contract, Operation } from "../contract/model.js";
import { MockpactError } from "../errors.js";
import { SegmentRouters } from "./segment-routers.js";

/** One operation as the router serves it, at one of its paths. */
export interface RouteTarget {
  contract: Contract;
  operation: Operation;
  /** Names of the template's parameters in order: the router knows them as p0, p1, ... */
  paramNames: string[];
  /** True for the path with the contract's base path; false for the optional alias without it. */
  primary: boolean;
}

interface RouteEntry {
  byMethod: Map<string, RouteTarget>;
}

export type RouteMatch =
  | { kind: "found"; target: RouteTarget; pathParams: Record<string, string> }
  | { kind: "method-not-allowed"; allow: string[] }
  | { kind: "not-found" };

export interface Router {
  find(method: string, pathname: string): RouteMatch;
  /** Every served operation once, at its path under the contract's first base path: for the start-up table and the console. */
  routes(): Array<{ method: string; path: string; target: RouteTarget }>;
}

/**
 * Routes by find-my-way (a router per first path segment: segment-routers.ts). Literal segments win
 * over templated ones (find-my-way's own precedence); parameters are registered positionally (`:p0`) so that templates that differ only in
 * parameter names (`/pets/{id}` GET, `/pets/{petId}` DELETE) share one node, and names with `-` or
 * `.` (`{owner-name}`, `{Sid}.json`) cannot confuse the router's syntax.
 */
export function buildRouter(contracts: Contract[], warn: (message: string, target: RouteTarget) => void): Router {
  const routers = new SegmentRouters();
  const entries = new Map<string, RouteEntry>();
  const listed: Array<{ method: string; path: string; target: RouteTarget }> = [];
  const listedOperations = new Set<Operation>();
  for (const contract of contracts) {
    for (const operation of contract.operations) {
      for (const [base, primary] of basesOf(contract)) {
        const { pattern, paramNames } = toRouterPattern(base + operation.path);
        const target: RouteTarget = { contract, operation, paramNames, primary };
        const added = addTarget(routers, entries, pattern, target, warn);
        // Listed once, under its first base path: a contract with two servers still has each operation once.
        if (added && primary && !listedOperations.has(operation)) {
          listedOperations.add(operation);
          listed.push({ method: operation.method.toUpperCase(), path: base + operation.path, target });
        }
      }
    }
  }
  return { find: (method, pathname) => findRoute(routers, method, pathname), routes: () => listed };
}

function basesOf(contract: Contract): Array<[string, boolean]> {
  const bases: Array<[string, boolean]> = contract.basePaths.map((b) => [b, true]);
  if (!contract.basePaths.includes("")) bases.push(["", false]);
  return bases;
}

function addTarget(
  routers: SegmentRouters,
  entries: Map<string, RouteEntry>,
  pattern: string,
  target: RouteTarget,
  warn: (m: string, t: RouteTarget) => void,
): boolean {
  let entry = entries.get(pattern);
  if (!entry) {
    entry = { byMethod: new Map() };
    const refused = (error: Error) => {
      if (target.primary) warn(`path ${target.operation.path} cannot be routed: ${error.message}`, target);
    };
    try {
      routers.add(pattern, entry, refused);
    } catch (error) {
      refused(error as Error);
      return false;
    }
    entries.set(pattern, entry);
  }
  const method = target.operation.method.toUpperCase();
  const existing = entry.byMethod.get(method);
  if (!existing) {
    entry.byMethod.set(method, target);
    return true;
  }
  if (existing.primary && target.primary) {
    if (existing.contract !== target.contract) throw routeConflict(method, existing, target);
    // One contract claiming a method and path twice (box's `/files/{id}#get_shared_link` beside
    // `/files/{id}`; xero's `{AttachmentID}` and `{FileName}` templates): the first in document order
    // answers, the later one is shadowed, with a warning, rather than the whole contract refused.
    warn(
      `${method} ${target.operation.path} (${target.operation.operationId}) is shadowed by ${existing.operation.operationId} (${existing.operation.path}), which answers that method and path`,
      target,
    );
    return false;
  }
  if (!existing.primary && target.primary) entry.byMethod.set(method, target); // a real path beats an alias
  return target.primary;
}

function routeConflict(method: string, a: RouteTarget, b: RouteTarget): MockpactError {
  const where = (t: RouteTarget) => `${t.operation.operationId} in ${t.contract.file}`;
  return new MockpactError(
    "ROUTE_CONFLICT",
    `Failed to build routes: ${method} ${b.operation.path} is claimed by ${where(a)} and by ${where(b)}`,
    {
      hint: "Give one of the contracts a different base path (servers[].url), or serve them separately.",
      place: { file: b.contract.file, pointer: b.operation.source.pointer },
    },
  );
}

/** `/repos/{owner}/{repo}/compare/{base}...{head}` -> `/repos/:p0/:p1/compare/:p2...:p3`. */
export function toRouterPattern(template: string): { pattern: string; paramNames: string[] } {
  const paramNames: string[] = [];
  const pattern = template
    .split(/(\{[^}]*\})/)
    .map((part) => {
      if (part.startsWith("{") && part.endsWith("}")) {
        paramNames.push(part.slice(1, -1));
        return `:p${paramNames.length - 1}`;
      }
      return part.replace(/:/g, "::");
    })
    .join("");
  return { pattern: pattern === "" ? "/" : pattern, paramNames };
}

function findRoute(routers: SegmentRouters, method: string, pathname: string): RouteMatch {
  const found = routers.find(pathname);
  if (!found) return { kind: "not-found" };
  const entry = found.store as RouteEntry;
  const target = entry.byMethod.get(method) ?? (method === "HEAD" ? entry.byMethod.get("GET") : undefined);
  if (!target) return { kind: "method-not-allowed", allow: [...entry.byMethod.keys()] };
  const params = found.params as Record<string, string | undefined>;
  const pathParams: Record<string, string> = {};
  target.paramNames.forEach((name, i) => {
    pathParams[name] = params[`p${i}`] ?? "";
  });
  return { kind: "found", target, pathParams };
}

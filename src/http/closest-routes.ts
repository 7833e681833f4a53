import { distance } from "fastest-levenshtein";
import { problem, problemResponse, type Problem } from "./problem.js";
import type { Router } from "./router.js";
import type { HttpResponse } from "./types.js";

/** How many routes a 404 suggests. */
const SUGGESTED = 3;
/** Farthest a suggestion may be: about one segment added, dropped or unlike, and a near one beside it. */
const FARTHEST = 1.5;
/** A wrong method counts as half a segment: `POST /orders/1` still suggests `GET /orders/{orderId}`. */
const OTHER_METHOD = 0.5;
/** Segments compared: a path longer than this is compared by its first ones (the work per 404 stays bounded). */
const MAX_SEGMENTS = 32;

/**
 * The routes nearest an unknown request, closest first, as `GET /shop/products/{productId}`: for the
 * 404's "did you mean". Paths are compared segment by segment (a templated segment takes any value,
 * a literal one costs its share of characters that differ), so a typo or a missing base path comes
 * out near and an unrelated route does not come out at all. Run only for a 404, never on a match.
 */
export function closestRoutes(router: Router, method: string, pathname: string): string[] {
  const asked = segmentsOf(pathname);
  const scored: Array<{ route: string; score: number }> = [];
  for (const route of router.routes()) {
    const score = pathDistance(asked, segmentsOf(route.path)) + (route.method === method ? 0 : OTHER_METHOD);
    if (score <= FARTHEST) scored.push({ route: `${route.method} ${route.path}`, score });
  }
  return scored
    .sort((a, b) => a.score - b.score)
    .slice(0, SUGGESTED)
    .map((s) => s.route);
}

function segmentsOf(path: string): string[] {
  return path.split("/").filter(Boolean).slice(0, MAX_SEGMENTS);
}

/** Edit distance over segments: adding or dropping one costs 1, replacing one what segmentDistance says. */
function pathDistance(asked: string[], template: string[]): number {
  let previous = Array.from({ length: template.length + 1 }, (_, j) => j);
  for (let i = 1; i <= asked.length; i++) {
    const row = [i];
    for (let j = 1; j <= template.length; j++) {
      row.push(
        Math.min(
          previous[j]! + 1,
          row[j - 1]! + 1,
          previous[j - 1]! + segmentDistance(asked[i - 1]!, template[j - 1]!),
        ),
      );
    }
    previous = row;
  }
  return previous[template.length]!;
}

/** 0 for the same text or a templated segment (`{id}`, `{name}.json`), else the share of characters that differ (0 to 1). */
function segmentDistance(asked: string, template: string): number {
  if (asked === template || template.includes("{")) return 0;
  return distance(asked.toLowerCase(), template.toLowerCase()) / Math.max(asked.length, template.length);
}

/** The 404 of a request no route matches: problem+json whose `closest` (and detail) name the routes near it; `more` ends the detail. */
export function routeNotFound(
  router: Router,
  method: string,
  pathname: string,
  more = "",
): { response: HttpResponse; closest: string[] } {
  const closest = closestRoutes(router, method, pathname);
  const suggestion =
    closest.length === 0
      ? ""
      : `; did you mean ${closest.slice(0, -1).join(", ")}${closest.length > 1 ? " or " : ""}${closest.at(-1)}?`;
  const p = problem(
    "not-found",
    `No operation of the loaded contracts matches ${method} ${pathname}${suggestion}${more}`,
  );
  const withClosest: Problem & { closest?: string[] } = closest.length > 0 ? { ...p, closest } : p;
  return { response: problemResponse(withClosest), closest };
}

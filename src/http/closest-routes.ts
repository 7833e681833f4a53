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
  const key = `${method} ${pathname}`;
  const answers = recentAnswers(router);
  let closest = answers.get(key);
  if (!closest) {
    if (answers.size >= REMEMBERED) answers.clear();
    answers.set(key, (closest = compareRoutes(router, method, pathname)));
  }
  return closest.slice(); // the caller's own: the remembered one stays as it was
}

/** 404s remembered per router: a client that repeats a wrong URL is answered without comparing every route again. */
const REMEMBERED = 256;
const remembered = new WeakMap<Router, Map<string, string[]>>();

function recentAnswers(router: Router): Map<string, string[]> {
  let answers = remembered.get(router);
  if (!answers) remembered.set(router, (answers = new Map()));
  return answers;
}

function compareRoutes(router: Router, method: string, pathname: string): string[] {
  const asked = segmentsOf(pathname);
  const costOf = segmentCosts(asked);
  const scored: Array<{ route: string; score: number }> = [];
  for (const route of comparableRoutes(router)) {
    // The difference in segment count is a floor of the distance: most routes are out without a comparison.
    if (Math.abs(route.segments.length - asked.length) > FARTHEST) continue;
    const score = pathDistance(asked, route.segments, costOf) + (route.method === method ? 0 : OTHER_METHOD);
    if (score <= FARTHEST) scored.push({ route: route.label, score });
  }
  return scored
    .sort((a, b) => a.score - b.score)
    .slice(0, SUGGESTED)
    .map((s) => s.route);
}

interface ComparableRoute {
  method: string;
  label: string;
  segments: string[];
}

const comparable = new WeakMap<Router, ComparableRoute[]>();

/** The routes split into segments once per router: a 404 only compares. */
function comparableRoutes(router: Router): ComparableRoute[] {
  let routes = comparable.get(router);
  if (!routes) {
    routes = router
      .routes()
      .map((r) => ({ method: r.method, label: `${r.method} ${r.path}`, segments: segmentsOf(r.path) }));
    comparable.set(router, routes);
  }
  return routes;
}

function segmentsOf(path: string): string[] {
  return path.split("/").filter(Boolean).slice(0, MAX_SEGMENTS);
}

/** Edit distance over segments: adding or dropping one costs 1, replacing one what segmentDistance says. */
function pathDistance(asked: string[], template: string[], costOf: (i: number, template: string) => number): number {
  let previous = Array.from({ length: template.length + 1 }, (_, j) => j);
  for (let i = 1; i <= asked.length; i++) {
    const row = [i];
    for (let j = 1; j <= template.length; j++) {
      row.push(Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + costOf(i - 1, template[j - 1]!)));
    }
    previous = row;
  }
  return previous[template.length]!;
}

/**
 * segmentDistance of the asked segment `i` and a route's segment, computed once per pair: routes
 * share most of their segments (`repos`, `{owner}`), so a 404 compares each distinct one once.
 */
function segmentCosts(asked: string[]): (i: number, template: string) => number {
  const known = asked.map(() => new Map<string, number>());
  return (i, template) => {
    let cost = known[i]!.get(template);
    if (cost === undefined) known[i]!.set(template, (cost = segmentDistance(asked[i]!, template)));
    return cost;
  };
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

import { problem, problemResponse } from "../../http/problem.js";
import type { HttpResponse } from "../../http/types.js";
import { describeMismatch, type Mismatch } from "../matching/index.js";
import type { Stub } from "./stub.js";

export interface NearMiss {
  stub: Stub;
  mismatches: Mismatch[];
}

/**
 * Method and path outweigh the rest, and among paths the one fewest characters away is closest
 * (`/products/p-200` is nearer `/products/p-100` than `/products`).
 */
function distance(miss: NearMiss, path: string): number {
  return miss.mismatches.reduce(
    (sum, m) =>
      sum +
      (m.part === "method"
        ? 1000
        : m.part === "path"
          ? 100 + editDistance(miss.stub.interaction.request.path, path)
          : 10),
    0,
  );
}

export function closestOf(misses: NearMiss[], path: string): NearMiss | undefined {
  let best: NearMiss | undefined;
  let bestDistance = Infinity;
  for (const miss of misses) {
    const d = distance(miss, path);
    if (d < bestDistance) [best, bestDistance] = [miss, d];
  }
  return best;
}

/** Levenshtein distance of the first 200 characters, capped at 99: enough to rank paths. */
function editDistance(a: string, b: string): number {
  const x = a.slice(0, 200);
  const y = b.slice(0, 200);
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++)
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    previous = current;
  }
  return Math.min(previous[y.length]!, 99);
}

/** 404 problem+json naming the closest interaction and every way the request differs from it. */
export function noInteractionResponse(
  method: string,
  path: string,
  closest: NearMiss | undefined,
  state: string | undefined,
): HttpResponse {
  const scope = state === undefined ? "the pacts" : `the pacts with provider state "${state}"`;
  if (!closest)
    return problemResponse({
      ...problem("not-found", `No interaction of ${scope} matches ${method} ${path}`),
      title: "No interaction matches the request",
    });
  const reasons = closest.mismatches.map(describeMismatch);
  const detail = `No interaction of ${scope} matches ${method} ${path}; the closest is "${closest.stub.interaction.description}" (${closest.stub.source}): ${reasons.join("; ")}`;
  const body = {
    ...problem("not-found", detail),
    title: "No interaction matches the request",
    closest: {
      description: closest.stub.interaction.description,
      pact: closest.stub.source,
      consumer: closest.stub.consumer,
      mismatches: reasons,
    },
  };
  return problemResponse(body);
}

export function unknownStateResponse(state: string, known: string[]): HttpResponse {
  const listed =
    known.length > 0
      ? `; the pacts know: ${known
          .slice(0, 20)
          .map((s) => `"${s}"`)
          .join(", ")}`
      : "; the pacts name no provider state";
  return problemResponse({
    ...problem("not-found", `No interaction has the provider state "${state}" (X-Pact-State)${listed}`),
    title: "No interaction matches the request",
  });
}

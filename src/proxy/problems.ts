import { problemResponse, type Problem } from "../mock/problem.js";
import type { MockResponse } from "../mock/types.js";
import type { Violation } from "../schema/violation.js";

/** The proxy's own problems, beside the mock's kinds in mock/problem.ts (same URN scheme). */
const KINDS = {
  "upstream-timeout": [504, "The upstream did not answer in time"],
  "upstream-unreachable": [502, "The upstream cannot be reached"],
} as const;

export type ProxyProblemKind = keyof typeof KINDS;

/** A 502/504 as problem+json; the request's own findings still travel in Mockpact-Violations. */
export function proxyProblem(kind: ProxyProblemKind, detail: string, violations: Violation[]): MockResponse {
  const [status, title] = KINDS[kind];
  const p: Problem = { type: `urn:mockpact:problem:${kind}`, title, status, detail, ...(violations.length > 0 ? { violations } : {}) };
  return problemResponse(p);
}

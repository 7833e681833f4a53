import type { Violation } from "../schema/violation.js";
import type { HttpResponse } from "./types.js";

export const PROBLEM_JSON = "application/problem+json";
export const VIOLATIONS_HEADER = "mockpact-violations";
/** Header values past this size are cut (proxies commonly refuse headers over 8 KB). */
const MAX_VIOLATIONS_HEADER = 4096;

/**
 * Every problem mockpact answers with, the mock's, the proxy's and the admin API's, in one table:
 * the kind is the stable last part of the URN `type`, and docs/errors.md lists them all (a test
 * keeps the two in sync).
 */
export const PROBLEM_KINDS = {
  "not-found": [404, "No route matches the request"],
  "method-not-allowed": [405, "The route does not allow this method"],
  unauthorized: [401, "Credentials are missing"],
  "invalid-request": [400, "The request does not match the contract"],
  "invalid-body": [422, "The request body does not match its schema"],
  "unsupported-media-type": [415, "The request's media type is not declared"],
  "not-acceptable": [406, "No declared media type is acceptable"],
  "payload-too-large": [413, "The request body is too large"],
  "no-response-defined": [500, "The contract defines no such response"],
  "mock-error": [500, "The mock failed to build a response"],
  "upstream-timeout": [504, "The upstream did not answer in time"],
  "upstream-unreachable": [502, "The upstream cannot be reached"],
  "upstream-incomplete": [502, "The upstream's answer broke off"],
  "admin-bad-request": [400, "Bad admin request"],
  "admin-not-found": [404, "No such admin route"],
  "admin-error": [500, "The admin API failed"],
} as const satisfies Record<string, readonly [number, string]>;

export type ProblemKind = keyof typeof PROBLEM_KINDS;

/** An RFC 9457 problem document. `type` is a URN: it names the kind without pointing at a host. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  violations?: Violation[];
}

export function problem(kind: ProblemKind, detail: string, violations?: Violation[]): Problem {
  const [status, title] = PROBLEM_KINDS[kind];
  return { type: `urn:mockpact:problem:${kind}`, title, status, detail, ...(violations && violations.length > 0 ? { violations } : {}) };
}

/** The one place a problem becomes HTTP: status, problem+json body, and the violations header. */
export function problemResponse(p: Problem, extraHeaders: Record<string, string> = {}): HttpResponse {
  const headers: Record<string, string> = { "content-type": PROBLEM_JSON, ...extraHeaders };
  if (p.violations && p.violations.length > 0) headers[VIOLATIONS_HEADER] = violationsHeader(p.violations);
  return { status: p.status, headers, body: JSON.stringify(p) };
}

/** Compact JSON, ASCII only (header values must be), cut to a bounded size with a count of the rest. */
export function violationsHeader(violations: Violation[]): string {
  const parts: string[] = [];
  let size = 2;
  for (let i = 0; i < violations.length; i++) {
    const part = asciiJson(violations[i]);
    if (size + part.length + 1 > MAX_VIOLATIONS_HEADER - 40) {
      parts.push(asciiJson({ truncated: violations.length - i }));
      break;
    }
    parts.push(part);
    size += part.length + 1;
  }
  return `[${parts.join(",")}]`;
}

function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

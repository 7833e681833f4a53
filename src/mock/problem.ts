import type { Violation } from "../schema/violation.js";
import type { MockResponse } from "./types.js";

export const PROBLEM_JSON = "application/problem+json";
export const VIOLATIONS_HEADER = "mockpact-violations";
/** Header values past this size are cut (proxies commonly refuse headers over 8 KB). */
const MAX_VIOLATIONS_HEADER = 4096;

export type ProblemKind =
  | "not-found"
  | "method-not-allowed"
  | "unauthorized"
  | "invalid-request"
  | "invalid-body"
  | "unsupported-media-type"
  | "not-acceptable"
  | "payload-too-large"
  | "no-response-defined"
  | "mock-error";

/** An RFC 9457 problem document. `type` is a URN: it names the kind without pointing at a host. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  violations?: Violation[];
}

const TITLES: Record<ProblemKind, [number, string]> = {
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
};

export function problem(kind: ProblemKind, detail: string, violations?: Violation[]): Problem {
  const [status, title] = TITLES[kind];
  return { type: `urn:mockpact:problem:${kind}`, title, status, detail, ...(violations ? { violations } : {}) };
}

/** The one place a problem becomes HTTP: status, problem+json body, and the violations header. */
export function problemResponse(p: Problem, extraHeaders: Record<string, string> = {}): MockResponse {
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

import { PROBLEM_KINDS, type ProblemKind } from "../errors.js";
import type { Violation } from "../schema/violation.js";
import type { HttpResponse } from "./types.js";

export const PROBLEM_JSON = "application/problem+json";
export const VIOLATIONS_HEADER = "mockpact-violations";
/** Header values past this size are cut (proxies commonly refuse headers over 8 KB). */
const MAX_VIOLATIONS_HEADER = 4096;

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
  return {
    type: `urn:mockpact:problem:${kind}`,
    title,
    status,
    detail,
    ...(violations && violations.length > 0 ? { violations } : {}),
  };
}

/** The one place a problem becomes HTTP: status, problem+json body, and the violations header. */
export function problemResponse(p: Problem, extraHeaders: Record<string, string> = {}): HttpResponse {
  const headers: Record<string, string> = { "content-type": PROBLEM_JSON, ...extraHeaders };
  if (p.violations && p.violations.length > 0) headers[VIOLATIONS_HEADER] = violationsHeader(p.violations);
  return { status: p.status, headers, body: JSON.stringify(p) };
}

/** A request body over `--max-body`: the connection is closed after the answer, as the rest is not read. */
export function payloadTooLarge(maxBytes: number): HttpResponse {
  return problemResponse(
    problem("payload-too-large", `The request body exceeds the limit of ${maxBytes} bytes (--max-body)`),
    { connection: "close" },
  );
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
  return JSON.stringify(value).replace(
    /[\u007f-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

import type { MatchingRules } from "./matching/rules.js";

/**
 * One HTTP interaction of a pact, read from any specification version (V1 to V4) into one shape:
 * what compat checks against the contract and what `mock --pact` serves.
 */
export interface PactHttpInteraction {
  /** Position in the pact's `interactions` list. */
  index: number;
  /** JSON pointer of the interaction in the pact file: `/interactions/3`. */
  pointer: string;
  description: string;
  states: Array<{ name: string; params: Record<string, unknown> }>;
  request: PactHttpRequest;
  response: PactHttpResponse;
}

/** Headers by lower-cased name; V4 lists of values are joined with ", ". */
export type PactHeaders = Map<string, { name: string; value: string }>;

export interface PactQuery {
  /** Decoded names to their values in order. */
  values: Map<string, string[]>;
  /** The query as written, when the pact writes a string (V1, V2): V1 compares it as a sequence. */
  raw?: string;
}

export interface PactHttpRequest {
  /** Upper-cased. */
  method: string;
  path: string;
  /** Undefined when the pact says nothing of the query: then none may be sent. */
  query: PactQuery | undefined;
  headers: PactHeaders;
  body: PactBody;
  rules: MatchingRules;
}

export interface PactHttpResponse {
  status: number;
  headers: PactHeaders;
  body: PactBody;
  rules: MatchingRules;
}

/**
 * `missing`: the pact has no body key, so any body matches. `empty`: `null` or `""`, so none may be
 * sent. `present`: `value` is the JSON value, or the text of a non-JSON body (bytes when encoded).
 */
export type PactBody =
  | { kind: "missing" }
  | { kind: "empty" }
  | { kind: "present"; value: unknown; contentType?: string; bytes?: Buffer; pointer: string };

/** The pact's Content-Type header, else the V4 body's own `contentType`, else a guess from the value. */
export function contentTypeOf(headers: PactHeaders, body: PactBody): string | undefined {
  const header = headers.get("content-type")?.value;
  if (header) return header;
  if (body.kind !== "present") return undefined;
  if (body.contentType) return body.contentType;
  if (typeof body.value !== "string" || /^\s*[{[]/.test(body.value)) return "application/json";
  return /^\s*</.test(body.value) ? "application/xml" : "text/plain";
}

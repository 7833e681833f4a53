import { MockpactError } from "../../errors.js";
import { compileMatcher, type MatcherFail } from "../matchers/compile-matcher.js";
import { compileWhen } from "../matchers/conditions.js";
import { pointerOf } from "../matchers/keywords.js";
import type { Conditions, FieldValues } from "../matchers/types.js";

/**
 * Which requests a verification asks about, in the matcher language of `when`: the request's method,
 * path (the URL path as sent, base path included) and operation, then `pathParams`, `query`, `headers`
 * and `body` as in `when` (where `path` names path parameters).
 */
export interface RequestPattern {
  method?: unknown;
  path?: unknown;
  operation?: unknown;
  pathParams?: Record<string, unknown>;
  query?: Record<string, unknown>;
  headers?: Record<string, unknown>;
  body?: Record<string, unknown>;
}

export interface CompiledPattern {
  /** The pattern as written, short: for messages. */
  text: string;
  conditions: Conditions;
}

const FIELDS = ["method", "path", "operation", "pathParams", "query", "headers", "body"];
const one = (value: unknown): FieldValues => ({ values: value === undefined ? [] : [value], list: false });

/** A pattern checked like an override's `when`: anything wrong is MATCHER_INVALID with its JSON pointer. */
export function compilePattern(
  value: unknown,
  operationIds: ReadonlySet<string>,
  extraFields: readonly string[] = [],
): CompiledPattern {
  const fail: MatcherFail = (message, at) => patternError(message, at);
  if (value === null || typeof value !== "object" || Array.isArray(value))
    throw fail("a request pattern is an object such as { operation: createOrder }", []);
  const pattern = value as RequestPattern & Record<string, unknown>;
  const unknown = Object.keys(pattern).find((k) => !FIELDS.includes(k) && !extraFields.includes(k));
  if (unknown !== undefined)
    throw fail(`"${unknown}" is not a field of a request pattern (${FIELDS.join(", ")})`, [unknown]);
  const conditions: Conditions = [];
  if (pattern.method !== undefined) {
    const spec = typeof pattern.method === "string" ? pattern.method.toUpperCase() : pattern.method;
    conditions.push({
      field: "method",
      read: (view) => one(view.method),
      matcher: compileMatcher(spec, ["method"], fail, false),
    });
  }
  if (pattern.path !== undefined)
    conditions.push({
      field: "path",
      read: (view) => one(view.pathname),
      matcher: compileMatcher(pattern.path, ["path"], fail, false),
    });
  if (pattern.operation !== undefined) {
    if (typeof pattern.operation === "string" && !operationIds.has(pattern.operation))
      throw fail(`no loaded contract has an operation "${pattern.operation}"`, ["operation"]);
    conditions.push({
      field: "operation",
      read: (view) => one(view.operation?.operationId),
      matcher: compileMatcher(pattern.operation, ["operation"], fail, false),
    });
  }
  const { pathParams, query, headers, body } = pattern;
  conditions.push(...compileWhenPart({ path: pathParams, query, headers, body }, fail));
  return {
    text: shortJson(Object.fromEntries(Object.entries(pattern).filter(([k]) => FIELDS.includes(k)))),
    conditions,
  };
}

/** `when`'s four parts, with `path` read from `pathParams` (a pattern's `path` is the URL path). */
function compileWhenPart(
  when: { path?: unknown; query?: unknown; headers?: unknown; body?: unknown },
  fail: MatcherFail,
): Conditions {
  const renamed: MatcherFail = (message, at) => fail(message, at[0] === "path" ? ["pathParams", ...at.slice(1)] : at);
  return compileWhen(when as Parameters<typeof compileWhen>[0], [], renamed).map((c) =>
    c.field.startsWith("path.") ? { ...c, field: `pathParams.${c.field.slice(5)}` } : c,
  );
}

export function patternError(message: string, at: Array<string | number>): MockpactError {
  const pointer = pointerOf(at);
  return new MockpactError("MATCHER_INVALID", `Failed to read request pattern: at ${pointer || "/"}: ${message}`, {
    hint: "See the matcher language and the verification API in docs/testing.md.",
    place: { pointer },
  });
}

function shortJson(value: unknown): string {
  const text = JSON.stringify(value);
  return text.length > 200 ? `${text.slice(0, 197)}...` : text;
}

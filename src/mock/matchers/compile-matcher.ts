import { guardedRegExp } from "../../schema/regex.js";
import { compileJsonPath, type CompiledJsonPath } from "./jsonpath.js";
import { isKeyword, MATCHER_KEYWORDS } from "./keywords.js";
import type { Comparison, Matcher } from "./types.js";

/** Throws the caller's error (mocks file or verification pattern) for the place `at` inside it. */
export type MatcherFail = (message: string, at: Array<string | number>) => Error;

/** How many matchers one field may nest (and/or/not): deeper is a mistake, and recursion must stay bounded. */
const MAX_NESTING = 16;

/**
 * A value as written in `when` (or a pattern) -> its matcher. A scalar or a list is `equals`; an object
 * of matcher keywords is a matcher (several keywords must all hold); an object without keywords is a
 * literal, where `literals` allows it (bodies), else an error naming the unknown keyword.
 */
export function compileMatcher(
  spec: unknown,
  at: Array<string | number>,
  fail: MatcherFail,
  literals: boolean,
  depth = 0,
): Matcher {
  if (depth > MAX_NESTING) throw fail(`matchers nest deeper than ${MAX_NESTING}`, at);
  if (spec === null || typeof spec !== "object" || Array.isArray(spec)) return { kind: "equals", value: spec };
  const keys = Object.keys(spec);
  const known = keys.filter(isKeyword);
  if (known.length === 0 && literals && keys.length > 0) return { kind: "equals", value: spec };
  const unknown = keys.find((k) => !isKeyword(k));
  if (unknown !== undefined || keys.length === 0) {
    const what = unknown === undefined ? "an empty matcher" : `"${unknown}" is not a matcher keyword`;
    throw fail(
      `${what} (known: ${MATCHER_KEYWORDS.join(", ")}; write a literal object as { equals: {...} })`,
      unknown === undefined ? at : [...at, unknown],
    );
  }
  const fields = spec as Record<string, unknown>;
  if ((fields.ignore !== undefined || fields.ignoreExtraFields !== undefined) && fields.equalToJson === undefined) {
    throw fail("ignore and ignoreExtraFields go with equalToJson", [
      ...at,
      fields.ignore !== undefined ? "ignore" : "ignoreExtraFields",
    ]);
  }
  const parts = keys
    .filter((k) => k !== "ignore" && k !== "ignoreExtraFields")
    .map((k) => keywordMatcher(k, fields, [...at, k], fail, depth));
  return parts.length === 1 ? parts[0]! : { kind: "and", of: parts };
}

function keywordMatcher(
  key: string,
  fields: Record<string, unknown>,
  at: Array<string | number>,
  fail: MatcherFail,
  depth: number,
): Matcher {
  const value = fields[key];
  switch (key) {
    case "equals":
      return { kind: "equals", value };
    case "contains":
      if (value === null || typeof value === "object") throw fail("contains takes a string, number or boolean", at);
      return { kind: "contains", value };
    case "absent":
    case "present":
      if (value !== true) throw fail(`write ${key}: true`, at);
      return { kind: key };
    case "gt":
    case "gte":
    case "lt":
    case "lte":
      if (typeof value !== "number" || !Number.isFinite(value))
        throw fail(`${key} takes a number, not ${JSON.stringify(value)}`, at);
      return { kind: "compare", op: key as Comparison, value };
    case "regex":
      return regexMatcher(value, at, fail);
    case "equalToJson":
      return jsonMatcher(value, fields, at, fail);
    case "not":
      return { kind: "not", of: compileMatcher(value, at, fail, true, depth + 1) };
    default: {
      if (!Array.isArray(value) || value.length === 0) throw fail(`${key} takes a non-empty list of matchers`, at);
      return {
        kind: key as "and" | "or",
        of: value.map((m, i) => compileMatcher(m, [...at, i], fail, true, depth + 1)),
      };
    }
  }
}

/** Whole-value match, through the guarded engine of schema patterns (linear RE2, or V8 on a time budget). */
function regexMatcher(value: unknown, at: Array<string | number>, fail: MatcherFail): Matcher {
  if (typeof value !== "string") throw fail("regex takes a string", at);
  try {
    return { kind: "regex", pattern: value, tester: guardedRegExp(`^(?:${value})$`, "u") };
  } catch (error) {
    throw fail(`regex /${value}/ does not compile: ${(error as Error).message}`, at);
  }
}

function jsonMatcher(
  value: unknown,
  fields: Record<string, unknown>,
  at: Array<string | number>,
  fail: MatcherFail,
): Matcher {
  let expected = value;
  if (typeof value === "string") {
    try {
      expected = JSON.parse(value);
    } catch {
      throw fail("equalToJson takes a value, or JSON text that parses", at);
    }
  }
  const ignoreAt = [...at.slice(0, -1), "ignore"];
  const ignore = fields.ignore ?? [];
  if (!Array.isArray(ignore)) throw fail("ignore takes a list of JSONPaths ($.id, $.items[*].createdAt)", ignoreAt);
  const paths = ignore.map((text: unknown, i): CompiledJsonPath => {
    const path = typeof text === "string" ? compileJsonPath(text) : "ignore takes JSONPath strings";
    if (typeof path === "string") throw fail(path, [...ignoreAt, i]);
    return path;
  });
  const extra = fields.ignoreExtraFields ?? false;
  if (typeof extra !== "boolean")
    throw fail("ignoreExtraFields takes true or false", [...at.slice(0, -1), "ignoreExtraFields"]);
  return { kind: "equalToJson", value: expected, ignore: paths, ignoreExtraFields: extra };
}

import { isSecretName, REDACTED, type SecretNames } from "../../redact.js";
import type { RequestView } from "../request-view.js";
import { compileMatcher, type MatcherFail } from "./compile-matcher.js";
import { mismatch } from "./describe.js";
import { satisfies } from "./evaluate.js";
import { compileJsonPath } from "./jsonpath.js";
import type { Conditions, FieldCondition, FieldValues } from "./types.js";

/** `when` as written (and the same four parts of a verification pattern). */
export interface WhenFields {
  path?: Record<string, unknown>;
  query?: Record<string, unknown>;
  headers?: Record<string, unknown>;
  body?: Record<string, unknown>;
}

const PARTS = ["path", "query", "headers", "body"] as const;

const one = (value: unknown): FieldValues => ({ values: value === undefined ? [] : [value], list: false });

/**
 * Compiles the four parts of `when`: path parameters (decoded), query parameters (all their values),
 * headers (names without case) and the body by JSONPath. `at` is where `when` sits, for errors.
 */
export function compileWhen(when: WhenFields, at: Array<string | number>, fail: MatcherFail): Conditions {
  for (const part of PARTS) {
    const value = when[part];
    if (value !== undefined && (value === null || typeof value !== "object" || Array.isArray(value)))
      throw fail(`${part} takes an object of names and matchers`, [...at, part]);
  }
  const conditions: Conditions = [];
  const add = (part: keyof WhenFields, name: string, field: string, read: FieldCondition["read"]) => {
    const spec = when[part]![name];
    conditions.push({ field, read, matcher: compileMatcher(spec, [...at, part, name], fail, part === "body") });
  };
  for (const name of Object.keys(when.path ?? {}))
    add("path", name, `path.${name}`, (view) => one(view.pathParams[name]));
  for (const name of Object.keys(when.query ?? {}))
    add("query", name, `query.${name}`, (view) => ({ values: view.query.getAll(name), list: true }));
  for (const name of Object.keys(when.headers ?? {})) {
    const lower = name.toLowerCase();
    add("headers", name, `headers.${lower}`, (view) => one(view.header(lower)));
  }
  for (const text of Object.keys(when.body ?? {})) {
    const path = compileJsonPath(text);
    if (typeof path === "string") throw fail(path, [...at, "body", text]);
    add("body", text, `body ${text}`, (view) => ({ values: path.read(view.body), list: !path.definite }));
  }
  return conditions;
}

/** True when every condition holds for the request. */
export function holds(conditions: Conditions, view: RequestView): boolean {
  return conditions.every((c) => satisfies(c.matcher, c.read(view)));
}

/**
 * The conditions that do not hold, each as `query.category: expected "garden", got "tools"`. What a
 * credential field (`headers.authorization`, `body $.password`) had is never shown.
 */
export function differences(conditions: Conditions, view: RequestView, secretNames?: SecretNames): string[] {
  const out: string[] = [];
  for (const condition of conditions) {
    const values = condition.read(view);
    if (satisfies(condition.matcher, values)) continue;
    const secret =
      isSecretName(condition.field) || isSecretName(condition.field.split(/[.\s]/).pop() ?? "", secretNames);
    out.push(
      `${condition.field}: ${mismatch(condition.matcher, secret ? { values: [REDACTED], list: false } : values)}`,
    );
  }
  return out;
}

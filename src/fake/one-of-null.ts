import { allowsNull } from "./openapi-compat.js";
import { isJsonObject, refKey, type JsonObject } from "./pointer.js";
import type { Prepared, Scope } from "./prepare.js";

/**
 * null in a oneOf. Where two branches accept null (GitHub's `value: oneOf: [nullable string,
 * nullable integer, nullable array]`), null matches both, so it is never valid there: no branch
 * may make it. Branches that make only null are dropped; the others lose "null" from their type.
 */
export function withoutAmbiguousNull(
  branches: { raw: unknown; prepared: Prepared }[],
  scope: Scope,
): { raw: unknown; prepared: Prepared }[] {
  const acceptNull = branches.filter((b) => acceptsNull(b.raw, scope)).length;
  if (acceptNull < 2) return branches;
  return branches
    .filter((b) => !onlyNull(b.prepared))
    .map((b) => ({ raw: b.raw, prepared: withoutNullType(b.prepared) }));
}

function acceptsNull(raw: unknown, scope: Scope): boolean {
  const schema = isJsonObject(raw) && typeof raw.$ref === "string" ? scope.view.rawOrUndefined(refKey(raw.$ref)) : raw;
  if (!isJsonObject(schema)) return schema === true;
  if (schema.type === "null" || schema.const === null) return true;
  if (Array.isArray(schema.enum)) return schema.enum.includes(null);
  return allowsNull(schema, scope.view.dialect) || (schema.type === undefined && !hasConstraints(schema));
}

/** An untyped schema without composition accepts null too (e.g. `{}` or `{ description }`). */
function hasConstraints(schema: JsonObject): boolean {
  return ["allOf", "anyOf", "oneOf", "properties", "required", "items", "$ref", "not"].some(
    (k) => schema[k] !== undefined,
  );
}

function onlyNull(prepared: Prepared): boolean {
  return (
    isJsonObject(prepared) &&
    (prepared.type === "null" || (Array.isArray(prepared.type) && prepared.type.every((t) => t === "null")))
  );
}

function withoutNullType(prepared: Prepared): Prepared {
  if (!isJsonObject(prepared) || !Array.isArray(prepared.type) || !prepared.type.includes("null")) return prepared;
  const types = prepared.type.filter((t) => t !== "null");
  return { ...prepared, type: types.length === 1 ? types[0] : types };
}

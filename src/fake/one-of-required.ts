import { isJsonObject, type JsonObject } from "./pointer.js";
import type { Prepared } from "./prepare.js";

/**
 * Telling oneOf branches apart by what they require. Open object branches (GitHub's
 * `oneOf: [validation-error, validation-error-simple]`) overlap: a fake of one often matches the
 * other too, and then matches "more than one". A branch's fake is made without the optional
 * properties that another branch requires, so that it fails that other branch. Where a branch
 * requires nothing the others lack, this cannot help, and the fake may still match both.
 */
export function withoutOthersRequired(branches: Prepared[]): Prepared[] {
  const required = branches.map(requiredNames);
  return branches.map((branch, index) => {
    const own = required[index] ?? new Set<string>();
    const drop = new Set<string>();
    required.forEach((names, other) => {
      if (other !== index) for (const name of names) if (!own.has(name)) drop.add(name);
    });
    return drop.size > 0 ? withoutProperties(branch, drop) : branch;
  });
}

/** The names a prepared object schema requires, its allOf members' included. */
function requiredNames(schema: Prepared): Set<string> {
  const names = new Set<string>();
  if (!isJsonObject(schema)) return names;
  for (const part of [schema, ...(Array.isArray(schema.allOf) ? schema.allOf : [])]) {
    if (isJsonObject(part) && Array.isArray(part.required))
      for (const name of part.required) if (typeof name === "string") names.add(name);
  }
  return names;
}

/**
 * The branch without `drop`: its own properties lose them, and each becomes `false` in it, so that
 * the parent's properties of those names (branches that differ only by `required`) are left out too
 * when jsf merges the chosen branch into the parent.
 */
function withoutProperties(schema: Prepared, drop: ReadonlySet<string>): Prepared {
  if (!isJsonObject(schema) || !describesObject(schema)) return schema;
  const copy: JsonObject = { ...schema };
  const kept = isJsonObject(copy.properties) ? Object.entries(copy.properties).filter(([name]) => !drop.has(name)) : [];
  copy.properties = Object.fromEntries([...kept, ...[...drop].map((name) => [name, false] as const)]);
  if (Array.isArray(copy.allOf)) copy.allOf = copy.allOf.map((part) => withoutProperties(part as Prepared, drop));
  return copy;
}

/** Only an object branch takes `false` properties: on a typeless scalar branch they would make jsf build an object. */
function describesObject(schema: JsonObject): boolean {
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  if (schema.type !== undefined) return types.includes("object");
  return schema.properties !== undefined || schema.required !== undefined || schema.allOf !== undefined;
}

import { isJsonObject, refKey, type JsonObject } from "./pointer.js";

/**
 * A schema with `enum` or `const` beside allOf/oneOf/anyOf (Discord's
 * `{ enum: [1], allOf: [{ $ref: ChannelTypes }] }`, ChannelTypes being a oneOf of consts): jsf
 * walks the composition first and lets a branch's `const` win over the `enum`, so its value is
 * outside the enum. Such a schema is prepared as its enum alone, narrowed by the value lists its
 * branches spell out (enum, const, a oneOf/anyOf of those); a branch that lists nothing narrows
 * nothing. When nothing of the enum is left, the schema is left to jsf as it is.
 */
const COMPOSITION = ["allOf", "oneOf", "anyOf"] as const;

export function enumFirst(raw: JsonObject, lookup: (key: string) => unknown): unknown[] | undefined {
  const own = valuesOf(raw);
  if (own === undefined || !COMPOSITION.some((k) => Array.isArray(raw[k]))) return undefined;
  let allowed = own;
  for (const branch of Array.isArray(raw.allOf) ? raw.allOf : []) {
    const listed = valuesOf(resolve(branch, lookup), lookup);
    if (listed) allowed = allowed.filter((v) => listed.some((w) => sameValue(v, w)));
  }
  for (const keyword of ["oneOf", "anyOf"] as const) {
    const branches = raw[keyword];
    if (!Array.isArray(branches)) continue;
    const lists = branches.map((b) => valuesOf(resolve(b, lookup), lookup));
    if (lists.every((l) => l !== undefined))
      allowed = allowed.filter((v) => lists.some((l) => l!.some((w) => sameValue(v, w))));
  }
  return allowed.length > 0 ? allowed : undefined;
}

/** The values a schema spells out: its const, its enum, or those of all its oneOf/anyOf branches. */
function valuesOf(schema: unknown, lookup?: (key: string) => unknown, depth = 0): unknown[] | undefined {
  if (!isJsonObject(schema) || depth > 4) return undefined;
  if (schema.const !== undefined) return [schema.const];
  if (Array.isArray(schema.enum)) return schema.enum;
  if (!lookup) return undefined;
  const branches = Array.isArray(schema.oneOf) ? schema.oneOf : Array.isArray(schema.anyOf) ? schema.anyOf : undefined;
  if (!branches) return undefined;
  const lists = branches.map((b) => valuesOf(resolve(b, lookup), lookup, depth + 1));
  return lists.every((l) => l !== undefined) ? lists.flat() : undefined;
}

function resolve(schema: unknown, lookup: (key: string) => unknown): unknown {
  return isJsonObject(schema) && typeof schema.$ref === "string" ? lookup(refKey(schema.$ref)) : schema;
}

function sameValue(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

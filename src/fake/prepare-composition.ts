import { acceptsValue, discriminatorValue, readDiscriminator, withDiscriminator } from "./discriminator.js";
import { isJsonObject, refKey, type JsonObject } from "./pointer.js";
import { CUT, childScope, prepareSchema, type Prepared, type Scope } from "./prepare.js";
import { prepareAllOf } from "./prepare-all-of.js";
import { keptAlternatives } from "./breadth.js";
import { withoutAmbiguousNull } from "./one-of-null.js";
import { withoutOthersRequired } from "./one-of-required.js";

/**
 * Composition keywords. Branches of allOf/oneOf/anyOf describe the same object as their parent, so
 * they inherit its hidden properties. A cut (recursive past maxDepth) oneOf/anyOf branch is
 * dropped; a cut allOf branch cuts the whole schema.
 */
export function prepareComposition(raw: JsonObject, out: JsonObject, scope: Scope): typeof CUT | void {
  if (Array.isArray(raw.allOf)) {
    const allOf = prepareAllOf(raw, raw.allOf, scope);
    if (allOf === CUT) return CUT;
    out.allOf = allOf;
  }
  for (const keyword of ["oneOf", "anyOf"] as const) {
    const branches = raw[keyword];
    if (!Array.isArray(branches)) continue;
    const prepared = prepareAlternatives(raw, branches, scope, keyword === "oneOf");
    if (prepared.length === 0) return CUT;
    out[keyword] = prepared;
  }
  prepareNot(raw, out, scope);
  prepareConditional(raw, out, scope);
}

/** oneOf/anyOf branches, each `$ref` branch marked with its discriminator value. */
function prepareAlternatives(raw: JsonObject, branches: unknown[], scope: Scope, exclusive: boolean): Prepared[] {
  const discriminator = readDiscriminator(raw);
  const prepared: { raw: unknown; prepared: Prepared }[] = [];
  for (const branch of branches) {
    let result = prepareSchema(branch, { ...scope, self: undefined });
    if (result === CUT) continue;
    const ref = isJsonObject(branch) ? branch.$ref : undefined;
    if (discriminator && typeof ref === "string" && !scope.hidden.has(discriminator.property)) {
      const value = discriminatorValue(discriminator, refKey(ref));
      if (acceptsValue(branch, discriminator.property, value, scope.view.rawOrUndefined)) {
        result = withDiscriminator(result, discriminator.property, value);
      }
    }
    prepared.push({ raw: branch, prepared: result });
  }
  const kept = keptAlternatives(exclusive ? withoutAmbiguousNull(prepared, scope) : prepared, scope);
  return exclusive ? withoutOthersRequired(kept) : kept;
}

/**
 * jsf's `not` only steers away from a type or constant; without it the fake is simply less picky.
 * `not: { required: [a] }` (or an anyOf of such) says "never send a": those optional properties are
 * left out of the fake, which jsf would otherwise add half of the time.
 */
function prepareNot(raw: JsonObject, out: JsonObject, scope: Scope): void {
  if (raw.not === undefined) return;
  const forbidden = forbiddenNames(raw.not, scope);
  const required = new Set(Array.isArray(out.required) ? out.required : []);
  if (forbidden.length > 0 && isJsonObject(out.properties)) {
    out.properties = {
      ...out.properties,
      ...Object.fromEntries(forbidden.filter((n) => !required.has(n)).map((n) => [n, false])),
    };
  }
  const not = prepareSchema(raw.not, childScope(scope));
  if (not !== CUT) out.not = not;
}

/** The names a `not` forbids: `{ required: [...] }`, or each branch of `anyOf: [{ required }]`. */
function forbiddenNames(not: unknown, scope: Scope): string[] {
  const schema = isJsonObject(not) && typeof not.$ref === "string" ? scope.view.rawOrUndefined(refKey(not.$ref)) : not;
  if (!isJsonObject(schema)) return [];
  const branches = Array.isArray(schema.anyOf) ? schema.anyOf : [schema];
  const names: string[] = [];
  for (const branch of branches) {
    if (!isJsonObject(branch) || !Array.isArray(branch.required) || Object.keys(branch).some((k) => k !== "required"))
      continue;
    for (const name of branch.required)
      if (typeof name === "string" && (branch.required.length === 1 || branches.length === 1)) names.push(name);
  }
  return names;
}

function prepareConditional(raw: JsonObject, out: JsonObject, scope: Scope): void {
  if (raw.if === undefined) return;
  const parts = (["if", "then", "else"] as const).filter((k) => raw[k] !== undefined);
  const prepared = parts.map((k) => prepareSchema(raw[k], { ...scope, self: undefined }));
  if (prepared.includes(CUT)) return;
  parts.forEach((k, i) => (out[k] = prepared[i]));
}

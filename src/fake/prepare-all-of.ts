import { acceptsValue, discriminatorValue, readDiscriminator } from "./discriminator.js";
import { isJsonObject, refKey, type JsonObject } from "./pointer.js";
import { CUT, prepareRef, prepareSchema, refTarget, type Prepared, type Scope } from "./prepare.js";

/**
 * allOf branches. Two things need the parent: a `$ref` branch whose target requires a property
 * that the parent hides (readOnly in a request) gets a copy without it, and a named schema that
 * extends a base with a discriminator (`Cat: allOf: [Pet, ...]`) gets its own name in the
 * discriminator property; the base's own oneOf over its children is left out there, as a Cat is
 * not to be made a Dog by way of its Pet part.
 */
export function prepareAllOf(raw: JsonObject, branches: unknown[], scope: Scope): Prepared[] | typeof CUT {
  const prepared: Prepared[] = [];
  for (const branch of branches) {
    const ref = isJsonObject(branch) ? branch.$ref : undefined;
    const result =
      typeof ref === "string" ? prepareRefBranch(ref, scope) : prepareSchema(branch, { ...scope, self: undefined });
    if (result === CUT) return CUT;
    prepared.push(result);
  }
  const tag = inheritedDiscriminator(raw, branches, scope);
  if (tag) prepared.push(tag);
  return prepared;
}

function prepareRefBranch(ref: string, scope: Scope): Prepared {
  const view = scope.view;
  const key = refKey(ref);
  const base = view.rawOrUndefined(key);
  if (scope.self !== undefined && isJsonObject(base) && readDiscriminator(base) && (base.oneOf || base.anyOf)) {
    const level = view.graph.isRecursive(scope.home, key) ? scope.level + 1 : 0;
    if (level > view.maxDepth) return CUT;
    const { oneOf: _oneOf, anyOf: _anyOf, ...basePart } = base;
    return prepareSchema(basePart, { view, home: key, level, hidden: scope.hidden });
  }
  if (scope.hidden.size === 0) return prepareRef(ref, scope);
  const target = refTarget(ref, scope);
  return target === CUT
    ? CUT
    : (withoutHidden(view.prepared(target.key, target.level), scope.hidden) ?? prepareRef(ref, scope));
}

/** A copy of a prepared object schema without the hidden names, or undefined when it has none. */
function withoutHidden(prepared: Prepared, hidden: ReadonlySet<string>): JsonObject | undefined {
  if (!isJsonObject(prepared)) return undefined;
  const required = Array.isArray(prepared.required) ? prepared.required : [];
  const properties = isJsonObject(prepared.properties) ? Object.keys(prepared.properties) : [];
  if (!required.some((n) => hidden.has(n)) && !properties.some((n) => hidden.has(n))) return undefined;
  const copy: JsonObject = { ...prepared, required: required.filter((n) => !hidden.has(n)) };
  if (isJsonObject(prepared.properties)) {
    copy.properties = Object.fromEntries(Object.entries(prepared.properties).filter(([n]) => !hidden.has(n)));
  }
  return copy;
}

/** `{ properties: { petType: { const: "Cat" } } }` for a named schema extending a discriminated base. */
function inheritedDiscriminator(raw: JsonObject, branches: unknown[], scope: Scope): JsonObject | undefined {
  if (scope.self === undefined) return undefined;
  for (const branch of branches) {
    const ref = isJsonObject(branch) ? branch.$ref : undefined;
    const base = typeof ref === "string" ? scope.view.rawOrUndefined(refKey(ref)) : undefined;
    const discriminator = isJsonObject(base) ? readDiscriminator(base) : undefined;
    if (!discriminator || scope.hidden.has(discriminator.property)) continue;
    const value = discriminatorValue(discriminator, scope.self);
    if (!acceptsValue(raw, discriminator.property, value, scope.view.rawOrUndefined)) continue;
    return { properties: { [discriminator.property]: { const: value } }, required: [discriminator.property] };
  }
  return undefined;
}

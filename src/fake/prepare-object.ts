import { isJsonObject, type JsonObject } from "./pointer.js";
import { CUT, childScope, prepareSchema, type Scope } from "./prepare.js";

/**
 * The object keywords of a prepared schema. A property whose schema is cut (recursion past
 * maxDepth) is left out when optional; a hidden one is left out always (prepare.ts has already
 * taken it out of `required`).
 */
export function prepareProperties(raw: JsonObject, out: JsonObject, scope: Scope): typeof CUT | void {
  const required = new Set(Array.isArray(out.required) ? out.required : []);
  if (isJsonObject(raw.properties)) {
    const properties: JsonObject = {};
    for (const [name, sub] of Object.entries(raw.properties)) {
      if (scope.hidden.has(name)) continue;
      const prepared = prepareSchema(sub, childScope(scope));
      if (prepared === CUT) {
        if (required.has(name)) return CUT;
        continue;
      }
      properties[name] = scope.view.withRealism(name, sub, prepared);
    }
    out.properties = properties;
  }
  if (prepareAdditional(raw, out, scope) === CUT) return CUT;
  preparePatternProperties(raw, out, scope);
  prepareDependentSchemas(raw, out, scope);
}

/** jsf only makes additional properties to reach `minProperties`: a cut schema is fine without it. */
function prepareAdditional(raw: JsonObject, out: JsonObject, scope: Scope): typeof CUT | void {
  if (raw.additionalProperties === undefined) return;
  const prepared = prepareSchema(raw.additionalProperties, childScope(scope));
  if (prepared !== CUT) out.additionalProperties = prepared;
  else if (typeof raw.minProperties === "number" && raw.minProperties > 0) return CUT;
}

function preparePatternProperties(raw: JsonObject, out: JsonObject, scope: Scope): void {
  if (!isJsonObject(raw.patternProperties)) return;
  const patterns: JsonObject = {};
  for (const [pattern, sub] of Object.entries(raw.patternProperties)) {
    const prepared = prepareSchema(sub, childScope(scope));
    if (prepared !== CUT) patterns[pattern] = prepared;
  }
  out.patternProperties = patterns;
}

/** 2020-12 `dependentSchemas` and the schema half of draft-04 `dependencies`. */
function prepareDependentSchemas(raw: JsonObject, out: JsonObject, scope: Scope): void {
  const sources = [raw.dependentSchemas, raw.dependencies].filter(isJsonObject);
  const schemas: JsonObject = {};
  for (const source of sources) {
    for (const [name, sub] of Object.entries(source)) {
      if (Array.isArray(sub)) continue; // the array half went to dependentRequired
      const prepared = prepareSchema(sub, childScope(scope));
      if (prepared !== CUT) schemas[name] = prepared;
    }
  }
  if (Object.keys(schemas).length > 0) out.dependentSchemas = schemas;
}

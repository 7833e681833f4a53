import { isJsonObject, type JsonObject } from "./pointer.js";

/**
 * `additionalProperties: false` beside allOf. JSON Schema reads it against the properties of its own
 * schema only, so in `{ additionalProperties: false, allOf: [Page, { properties: { data } }] }`
 * (Linode's pagination envelopes) a `data` property is invalid, however the contract meant it.
 * jsf merges the allOf branches and makes every property any branch declares; here the prepared
 * schema keeps only the names that every closed schema (the node itself and each closed branch)
 * declares. A closed schema with patternProperties is left alone (names are not enumerable).
 */
export function closeAllOf(raw: JsonObject, out: JsonObject): void {
  if (!Array.isArray(out.allOf)) return;
  const closed: Set<string>[] = [];
  if (raw.additionalProperties === false && raw.patternProperties === undefined) closed.push(declaredNames(out));
  for (const branch of out.allOf) {
    if (isJsonObject(branch) && branch.additionalProperties === false && branch.patternProperties === undefined)
      closed.push(declaredNames(branch));
  }
  if (closed.length === 0) return;
  const allowed = closed.reduce((a, b) => new Set([...a].filter((name) => b.has(name))));
  const keep = (name: string) => allowed.has(name);
  restrict(out, keep);
  out.allOf = out.allOf.map((branch) => (isJsonObject(branch) ? restrict({ ...branch }, keep) : branch));
}

function declaredNames(schema: JsonObject): Set<string> {
  return new Set(isJsonObject(schema.properties) ? Object.keys(schema.properties) : []);
}

/** Keeps only the allowed properties (and required names) of `schema`, which must be a copy or ours. */
function restrict(schema: JsonObject, keep: (name: string) => boolean): JsonObject {
  if (isJsonObject(schema.properties))
    schema.properties = Object.fromEntries(Object.entries(schema.properties).filter(([name]) => keep(name)));
  if (Array.isArray(schema.required))
    schema.required = schema.required.filter((name) => typeof name === "string" && keep(name));
  return schema;
}

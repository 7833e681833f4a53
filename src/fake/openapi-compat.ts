import type { Dialect } from "../contract/model.js";
import { VALUE_KEYWORDS } from "./keywords.js";
import type { JsonObject } from "./pointer.js";

/**
 * The keyword-level differences between Swagger 2.0 / OpenAPI 3.0 and the JSON Schema 2020-12 that
 * json-schema-faker speaks, fixed once per schema when it is prepared (never per call).
 */

/** Length of a `type: file` (Swagger 2.0) fake: any short string stands for the file's content. */
const FILE_MAX_LENGTH = 16;

/** The value keywords of `raw`, rewritten into 2020-12 as jsf understands them. */
export function compatValues(raw: JsonObject, dialect: Dialect): JsonObject {
  const out: JsonObject = {};
  for (const key of VALUE_KEYWORDS) if (raw[key] !== undefined) out[key] = raw[key];
  if (out.type === "file") Object.assign(out, { type: "string", minLength: 1, maxLength: FILE_MAX_LENGTH });
  booleanBoundsToNumbers(out, "exclusiveMinimum", "minimum");
  booleanBoundsToNumbers(out, "exclusiveMaximum", "maximum");
  if (allowsNull(raw, dialect)) addNullType(out);
  if (dialect !== "openapi-3.1") splitDependencies(raw, out);
  return out;
}

/** `nullable: true` (3.0) or `x-nullable: true` (2.0): null is valid besides the type. */
export function allowsNull(raw: JsonObject, dialect: Dialect): boolean {
  if (dialect === "openapi-3.1") return Array.isArray(raw.type) && raw.type.includes("null");
  return raw.nullable === true || raw["x-nullable"] === true;
}

/**
 * Draft-04 style `exclusiveMinimum: true` + `minimum: 5` becomes `exclusiveMinimum: 5`. A boolean
 * is wrong in 3.1, but is read the same way there rather than breaking the fake.
 */
function booleanBoundsToNumbers(out: JsonObject, exclusive: string, inclusive: string): void {
  const flag = out[exclusive];
  if (typeof flag !== "boolean") return;
  delete out[exclusive];
  if (flag && typeof out[inclusive] === "number") {
    out[exclusive] = out[inclusive];
    delete out[inclusive];
  }
}

/**
 * Null is offered only where ajv accepts it for a `nullable` schema: a schema with a `type`
 * (ajv rejects `nullable` without one) whose `enum`, if any, lists null.
 */
function addNullType(out: JsonObject): void {
  if (typeof out.type !== "string") return;
  if (Array.isArray(out.enum) && !out.enum.includes(null)) return;
  out.type = [out.type, "null"];
}

/** Draft-04 `dependencies` holds both kinds; jsf reads the array kind from `dependentRequired`. */
function splitDependencies(raw: JsonObject, out: JsonObject): void {
  const dependencies = raw.dependencies;
  if (typeof dependencies !== "object" || dependencies === null) return;
  const required: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(dependencies)) if (Array.isArray(value)) required[name] = value;
  if (Object.keys(required).length > 0) out.dependentRequired = required;
}

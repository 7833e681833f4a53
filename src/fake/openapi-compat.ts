import { KNOWN_FORMATS } from "../contract/formats.js";
import { speaksJsonSchema2020, type Dialect } from "../contract/model.js";
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
  for (const key of VALUE_KEYWORDS) if (raw[key] !== undefined) out[key] = copyJson(raw[key]);
  if (out.type === "file") Object.assign(out, { type: "string", minLength: 1, maxLength: FILE_MAX_LENGTH });
  if (typeof out.format === "string" && !KNOWN_FORMATS.has(out.format)) delete out.format; // a contract's own format: faked as its type
  booleanBoundsToNumbers(out, "exclusiveMinimum", "minimum");
  booleanBoundsToNumbers(out, "exclusiveMaximum", "maximum");
  if (allowsNull(raw, dialect)) addNullType(out);
  keepEnumValuesOfType(out);
  if (!speaksJsonSchema2020(dialect)) splitDependencies(raw, out);
  return out;
}

/** Values are copied (`required`, `enum`): a prepared schema shares nothing with the document. */
export function copyJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copyJson);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, copyJson(v)]));
}

/**
 * `nullable: true` (3.0) or `x-nullable: true` (2.0): null is valid besides the `type`. Without a
 * `type` in the same schema it adds nothing (OpenAPI 3.0.3), and ajv refuses to compile it: Stripe's
 * `{ anyOf: [...], nullable: true }` gets no null.
 */
export function allowsNull(raw: JsonObject, dialect: Dialect): boolean {
  if (speaksJsonSchema2020(dialect)) return Array.isArray(raw.type) && raw.type.includes("null");
  return (raw.nullable === true || raw["x-nullable"] === true) && typeof raw.type === "string";
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

/** Null is offered only where ajv accepts it for a `nullable` schema: an `enum`, if any, lists null. */
function addNullType(out: JsonObject): void {
  if (typeof out.type !== "string") return;
  if (Array.isArray(out.enum) && !out.enum.includes(null)) return;
  out.type = [out.type, "null"];
}

/**
 * An enum value of another type than the schema's can never be valid (Linode's
 * `type: string, enum: [true, "local", false]`, from YAML reading `on`/`off`): jsf is not offered it.
 */
function keepEnumValuesOfType(out: JsonObject): void {
  if (!Array.isArray(out.enum) || out.type === undefined) return;
  const types = Array.isArray(out.type) ? out.type : [out.type];
  const kept = out.enum.filter((value) => types.some((type) => hasType(value, type)));
  if (kept.length > 0) out.enum = kept;
}

function hasType(value: unknown, type: unknown): boolean {
  switch (type) {
    case "integer":
      return Number.isInteger(value);
    case "number":
      return typeof value === "number";
    case "null":
      return value === null;
    case "array":
      return Array.isArray(value);
    case "object":
      return typeof value === "object" && value !== null && !Array.isArray(value);
    default:
      return typeof value === type;
  }
}

/** Draft-04 `dependencies` holds both kinds; jsf reads the array kind from `dependentRequired`. */
function splitDependencies(raw: JsonObject, out: JsonObject): void {
  const dependencies = raw.dependencies;
  if (typeof dependencies !== "object" || dependencies === null) return;
  const required: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(dependencies)) if (Array.isArray(value)) required[name] = value;
  if (Object.keys(required).length > 0) out.dependentRequired = required;
}

import ajv from "ajv";
import type { ErrorObject, ValidateFunction } from "ajv";
import { MockpactError } from "../../errors.js";
import { pointerOf } from "../matchers/keywords.js";
import type { RawEntry } from "./parse.js";
import { MOCKS_SCHEMA } from "./schema.js";

// ajv is CommonJS whose module.exports is also its `default` (see src/schema/ajv.ts).
const Ajv = ajv.default;

let entryValidator: ValidateFunction | undefined;

/** The published schema's `entry`, compiled once: the loader enforces exactly what editors suggest. */
function validator(): ValidateFunction {
  if (!entryValidator) {
    const ajv = new Ajv({ strict: false, allErrors: false, logger: false });
    ajv.addSchema(MOCKS_SCHEMA, "mocks");
    entryValidator = ajv.getSchema("mocks#/definitions/entry")!;
  }
  return entryValidator;
}

/**
 * Throws MOCKS_INVALID naming the file, the line of the offending field and what is wrong with it.
 * A mistake inside `when` is left to the matcher compiler, whose message names the matcher keyword
 * and its JSON pointer; checkWhenShape then catches anything it let through.
 */
export function checkEntryShape(entry: RawEntry): void {
  const error = firstError(entry.value);
  if (!error) return;
  if (!error.instancePath.startsWith("/when")) throw shapeError(entry, error);
  const { when: _when, ...rest } = entry.value as Record<string, unknown>;
  const other = firstError(rest);
  if (other) throw shapeError(entry, other);
}

/** After `when` compiled: what the published schema still refuses in it. */
export function checkWhenShape(entry: RawEntry): void {
  const error = firstError(entry.value);
  if (error) throw shapeError(entry, error);
}

function firstError(value: unknown): ErrorObject | undefined {
  const validate = validator();
  return validate(value) ? undefined : validate.errors![0]!;
}

function shapeError(entry: RawEntry, error: ErrorObject): MockpactError {
  const path = fieldPath(error);
  const field = path.length === 0 ? "the entry" : `\`${path.join(".")}\``;
  return new MockpactError(
    "MOCKS_INVALID",
    `Failed to read mocks entry ${entry.index + 1}: ${field} ${describeError(error)}`,
    {
      hint: "See schemas/mocks.schema.json and docs/stateful.md for the fields of an entry.",
      place: { file: entry.file, line: entry.lineOf(path), pointer: pointerOf(path) },
    },
  );
}

/** The offending field inside the entry: for an unknown field, that field itself. */
function fieldPath(error: ErrorObject): string[] {
  const path = error.instancePath.split("/").slice(1).map(unescape);
  const extra =
    error.keyword === "additionalProperties"
      ? (error.params as { additionalProperty: string }).additionalProperty
      : undefined;
  return extra === undefined ? path : [...path, extra];
}

function describeError(error: ErrorObject): string {
  if (
    error.keyword === "required" &&
    error.instancePath === "" &&
    ["operation", "method", "path"].includes((error.params as { missingProperty: string }).missingProperty)
  )
    return "needs `operation`, or `method` and `path`";
  if (error.keyword === "additionalProperties") return "is not a field mockpact knows";
  if (error.keyword === "enum")
    return `must be one of ${(error.params as { allowedValues: unknown[] }).allowedValues.join(", ")}`;
  if (error.keyword === "pattern" && error.instancePath.includes("/body")) return "must be a JSONPath starting with $";
  if (error.keyword === "propertyNames") return "must have JSONPath keys starting with $";
  return error.message ?? error.keyword;
}

function unescape(token: string): string {
  return token.replace(/~1/g, "/").replace(/~0/g, "~");
}

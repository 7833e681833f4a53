/**
 * The `format`s mockpact knows: those ajv-formats checks (JSON Schema's and OpenAPI's own), the
 * internationalised JSON Schema ones, and those the faker makes values for. Any other (a contract's
 * own `iso-country-code`) is accepted as any value of its type, faked as its type, and reported once
 * at load (FORMAT_UNKNOWN). A test keeps this list a superset of ajv-formats' own.
 */
export const KNOWN_FORMATS: ReadonlySet<string> = new Set([
  "date",
  "time",
  "date-time",
  "iso-time",
  "iso-date-time",
  "duration",
  "uri",
  "uri-reference",
  "uri-template",
  "url",
  "iri",
  "iri-reference",
  "email",
  "idn-email",
  "hostname",
  "idn-hostname",
  "ipv4",
  "ipv6",
  "regex",
  "uuid",
  "json-pointer",
  "json-pointer-uri-fragment",
  "relative-json-pointer",
  "byte",
  "binary",
  "password",
  "int32",
  "int64",
  "float",
  "double",
  "decimal",
]);

/** A format that says something only a string can be: unknown ones on numbers change nothing, so go unreported. */
export function isUnknownStringFormat(schema: Record<string, unknown>): boolean {
  if (typeof schema.format !== "string" || KNOWN_FORMATS.has(schema.format)) return false;
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  return types.includes("string") || schema.type === undefined;
}

import type { Ajv as AjvCore, Options } from "ajv";
import ajvDraft07 from "ajv";
import ajv2020 from "ajv/dist/2020.js";
import ajvDraft04 from "ajv-draft-04";
import ajvFormats from "ajv-formats";
import { speaksJsonSchema2020, type Dialect } from "../contract/model.js";
import { SCHEMA_ID_KEY } from "../contract/schema-identifiers.js";
import { guardedRegExp } from "./regex.js";

// ajv and its plugins are CommonJS whose module.exports is the class itself and also its `default`:
// `.default` is the class under Node's ESM loader and under bundlers alike (no node:module needed).
const Ajv2020 = ajv2020.default;
const AjvDraft04 = ajvDraft04.default;
const addFormats = ajvFormats.default;
const AjvDraft07 = ajvDraft07.default;

const BASE_OPTIONS: Options = {
  strict: false, // contracts carry OpenAPI keywords (discriminator, xml, example, x-*) ajv does not know
  allErrors: true, // every violation is listed, not only the first
  verbose: true, // errors carry parentSchema: needed to forgive readOnly/writeOnly `required`
  validateSchema: false,
  logger: false,
  unicodeRegExp: true,
  // ajv's optimiser passes over the generated code cost about half of a compile (Stripe's customer
  // list: ~600 of ~1,250 ms, paid by the first request that needs it) and save only
  // hundredths of a microsecond per validation (a small body: 0.08 vs 0.11 us; GitHub's repository: 22.5 vs 23.3 us).
  code: { regExp: guardedRegExp, optimize: false },
  inlineRefs: 8,
  // 19.99 / 0.01 is 1998.9999999999998 in binary floating point: without a tolerance, `multipleOf: 0.01`
  // refuses most prices. Nine decimal places is far below any multipleOf a contract writes.
  multipleOfPrecision: 9,
};

/** OpenAPI's own formats, which JSON Schema does not define: checked where they constrain, else accepted. */
const OPENAPI_FORMATS: Record<string, { type: "number" | "string"; validate: (value: never) => boolean }> = {
  int32: { type: "number", validate: (n: number) => Number.isInteger(n) && n >= -2147483648 && n <= 2147483647 },
  int64: { type: "number", validate: (n: number) => Number.isInteger(n) },
  float: { type: "number", validate: () => true },
  double: { type: "number", validate: () => true },
  byte: { type: "string", validate: (s: string) => /^[A-Za-z0-9+/]*={0,2}$/.test(s) && s.length % 4 === 0 },
  binary: { type: "string", validate: () => true },
  password: { type: "string", validate: () => true },
};

/**
 * One ajv per contract: OpenAPI 3.0 and Swagger 2.0 schemas have draft-04 semantics (boolean
 * `exclusiveMinimum`, `nullable`), 3.1 and 3.2 are JSON Schema 2020-12. Formats unknown to both
 * (`custom-snowflake`) are accepted rather than failing the compile: a contract may name its own.
 */
export function createAjv(dialect: Dialect): AjvCore {
  const ajv = speaksJsonSchema2020(dialect) ? new Ajv2020(BASE_OPTIONS) : new AjvDraft04(BASE_OPTIONS);
  (ajv.opts as { schemaId: string }).schemaId = SCHEMA_ID_KEY;
  addFormats(ajv, { mode: "full" });
  for (const [name, format] of Object.entries(OPENAPI_FORMATS)) ajv.addFormat(name, format as never);
  return ajv as unknown as AjvCore;
}

/**
 * An ajv for plain JSON Schema draft-07, the dialect of AsyncAPI payload schemas (2.x, and 3.0's
 * default schema format): the same options and formats as a contract's, no OpenAPI keywords.
 */
export function createDraft07Ajv(): AjvCore {
  const ajv = new AjvDraft07(BASE_OPTIONS);
  (ajv.opts as { schemaId: string }).schemaId = SCHEMA_ID_KEY;
  addFormats(ajv, { mode: "full" });
  return ajv as unknown as AjvCore;
}

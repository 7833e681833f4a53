import { createRequire } from "node:module";
import type { ErrorObject, ValidateFunction } from "ajv";
import type { FakeOptions } from "../../src/fake/index.js";

// ajv and its plugins are CommonJS with `exports.default`.
const require = createRequire(import.meta.url);
const Ajv2020 = (require("ajv/dist/2020") as typeof import("ajv/dist/2020.js")).default;
const AjvDraft04 = (require("ajv-draft-04") as typeof import("ajv-draft-04")).default;
const addFormats = (require("ajv-formats") as typeof import("ajv-formats")).default;

const DOC_ID = "https://mockpact.test/doc.json";

/** ajv as the brief prescribes: draft-04 for 2.0/3.0, 2020-12 for 3.1, ajv-formats, the doc under an id. */
export function documentValidator(
  document: Record<string, unknown>,
  dialect: FakeOptions["dialect"],
): (pointer: string) => ValidateFunction {
  const options = { strict: false, allErrors: true, verbose: true, logger: false } as const;
  const ajv = dialect === "openapi-3.1" ? new Ajv2020(options) : new AjvDraft04(options);
  addFormats(ajv);
  ajv.addSchema(dialect === "swagger-2.0" ? swaggerAsDraft04(document) : document, DOC_ID);
  const cache = new Map<string, ValidateFunction>();
  return (pointer) => {
    let validate = cache.get(pointer);
    if (!validate) cache.set(pointer, (validate = ajv.compile({ $ref: `${DOC_ID}${pointer}` })));
    return validate;
  };
}

/** Swagger 2.0's own keywords, in the draft-04 + OpenAPI terms ajv knows. */
function swaggerAsDraft04(document: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(JSON.stringify(document), (_key, value: unknown) => {
    if (typeof value !== "object" || value === null || Array.isArray(value)) return value;
    const schema = { ...(value as Record<string, unknown>) };
    if (schema["x-nullable"] === true) schema.nullable = true;
    if (schema.type === "file") schema.type = "string";
    return schema;
  }) as Record<string, unknown>;
}

/**
 * ajv errors, less `required` errors for the properties in `hidden`: a readOnly `id` is required
 * in responses only (OpenAPI's reading), and the fake generator leaves it out of requests on purpose.
 */
export function realErrors(
  validate: ValidateFunction,
  value: unknown,
  hidden: ReadonlySet<string> = new Set(),
): ErrorObject[] {
  if (validate(value)) return [];
  return (validate.errors ?? []).filter(
    (error) =>
      error.keyword !== "required" || !hidden.has((error.params as { missingProperty: string }).missingProperty),
  );
}

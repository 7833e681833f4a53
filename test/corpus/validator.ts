import { createRequire } from "node:module";
import type { ErrorObject, ValidateFunction } from "ajv";
import type { Contract, SchemaRef } from "../../src/contract/model.js";

// ajv and its plugins are CommonJS with `exports.default`: require them to get the classes themselves.
const require = createRequire(import.meta.url);
const Ajv2020 = (require("ajv/dist/2020") as typeof import("ajv/dist/2020.js")).default;
const AjvDraft04 = (require("ajv-draft-04") as typeof import("ajv-draft-04")).default;
const addFormats = (require("ajv-formats") as typeof import("ajv-formats")).default;

type AnyAjv = InstanceType<typeof Ajv2020> | InstanceType<typeof AjvDraft04>;

/**
 * The corpus test's own judge of "valid", independent of mockpact's SchemaRegistry (src/schema/):
 * its own ajv instance, options and formats, created here and nowhere else.
 *
 * It validates against `contract.document`, the document as mockpact's loader leaves it (external
 * `$ref`s bundled, `$ref` siblings dropped in 2.0/3.0, 2.0 `x-nullable` read as `nullable`, and
 * 3.0 `nullable: true` without `type` rewritten to `anyOf: [{type: null}, ...]`), not against the raw
 * file: ajv refuses the raw forms outright (`"nullable" cannot be used without "type"`), and the
 * rewrites only say what those contracts mean. The checking itself is all this file's.
 */
export class IndependentValidator {
  private readonly ajv: AnyAjv;
  private readonly id: string;
  private readonly byPointer = new Map<string, ValidateFunction>();
  private readonly byInline = new WeakMap<object, ValidateFunction>();

  constructor(private readonly contract: Contract) {
    // No ref inlining and no code optimisation pass: either halves compile time on the large documents
    // (github-api's 941 success schemas: 6.6 s inlined and optimised, 1.5 s this way), and each
    // validator here runs once or twice.
    const options = { strict: false, allErrors: true, verbose: true, logger: false, validateSchema: false, inlineRefs: false, code: { optimize: false } } as const;
    // 2.0 and 3.0 schemas are draft-04 (boolean exclusiveMinimum, nullable); 3.1 and 3.2 are 2020-12.
    this.ajv = contract.dialect === "openapi-3.1" ? new Ajv2020(options) : new AjvDraft04(options);
    // ajv would take every string `id` (`$id`) anywhere in the document for a schema id, the `id`
    // fields of examples included: point it at a key no contract uses.
    (this.ajv.opts as { schemaId: string }).schemaId = "x-corpus-test-no-schema-id";
    addFormats(this.ajv);
    // OpenAPI's own formats: the ones that constrain are checked, the others accepted.
    this.ajv.addFormat("int32", { type: "number", validate: (n: number) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31 });
    this.ajv.addFormat("int64", { type: "number", validate: (n: number) => Number.isInteger(n) });
    for (const name of ["float", "double"]) this.ajv.addFormat(name, { type: "number", validate: () => true });
    this.ajv.addFormat("byte", { type: "string", validate: (s: string) => /^[A-Za-z0-9+/_-]*={0,2}$/.test(s) });
    for (const name of ["binary", "password"]) this.ajv.addFormat(name, { type: "string", validate: () => true });
    this.id = `https://corpus.test/${encodeURIComponent(contract.id)}.json`;
    this.ajv.addSchema(contract.document, this.id);
  }

  validator(ref: SchemaRef): ValidateFunction {
    if ("pointer" in ref) {
      let validate = this.byPointer.get(ref.pointer);
      if (!validate) this.byPointer.set(ref.pointer, (validate = this.ajv.compile({ $ref: this.id + ref.pointer })));
      return validate;
    }
    if (typeof ref.inline === "boolean") return this.ajv.compile(ref.inline);
    let validate = this.byInline.get(ref.inline);
    if (!validate) this.byInline.set(ref.inline, (validate = this.ajv.compile(absolutise(ref.inline, this.id))));
    return validate;
  }

  /**
   * ajv's errors for `value`, less `required` errors that OpenAPI lifts: a readOnly property is
   * required in responses only, a writeOnly one in requests only.
   */
  errors(ref: SchemaRef, value: unknown, direction: "request" | "response"): ErrorObject[] {
    const validate = this.validator(ref);
    if (validate(value)) return [];
    return (validate.errors ?? []).filter((error) => !this.lifted(error, direction));
  }

  private lifted(error: ErrorObject, direction: "request" | "response"): boolean {
    if (error.keyword !== "required") return false;
    const missing = (error.params as { missingProperty?: unknown }).missingProperty;
    const parent = error.parentSchema as { properties?: Record<string, unknown> } | undefined;
    if (typeof missing !== "string" || !parent?.properties) return false;
    const property = this.deref(parent.properties[missing]);
    return direction === "request" ? property?.readOnly === true : property?.writeOnly === true;
  }

  private deref(node: unknown): Record<string, unknown> | undefined {
    for (let hops = 0; hops < 16; hops++) {
      if (node === null || typeof node !== "object") return undefined;
      const ref = (node as { $ref?: unknown }).$ref;
      if (typeof ref !== "string") return node as Record<string, unknown>;
      node = at(this.contract.document, ref.startsWith(this.id) ? ref.slice(this.id.length) : ref);
    }
    return undefined;
  }
}

/** The value at a `#/a/b` pointer. */
export function at(document: unknown, pointer: string): unknown {
  if (pointer === "#" || pointer === "") return document;
  let node: unknown = document;
  for (const raw of pointer.replace(/^#\//, "").split("/")) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[decodeURIComponent(raw).replace(/~1/g, "/").replace(/~0/g, "~")];
  }
  return node;
}

/** Loader-built inline schemas (2.0 parameters, form bodies) hold `#/...` refs: point them at the document. */
function absolutise(schema: Record<string, unknown>, id: string): Record<string, unknown> {
  return JSON.parse(JSON.stringify(schema), (key, value: unknown) => (key === "$ref" && typeof value === "string" && value.startsWith("#") ? id + value : value)) as Record<string, unknown>;
}

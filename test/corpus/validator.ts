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
 * `$ref`s bundled, `$ref` siblings dropped in 2.0/3.0, 2.0 `x-nullable` read as `nullable`, 3.0
 * `nullable: true` without `type` rewritten to `anyOf: [{type: null}, ...]`, typeless
 * `nullable: false` and `enum: []` dropped), not against the raw file: ajv refuses the raw forms
 * outright (`"nullable" cannot be used without "type"`, `enum must have non-empty array`), and the
 * rewrites only say what those contracts mean. The checking itself is all this file's.
 */
export class IndependentValidator {
  private readonly views = new Map<Direction, View>();

  constructor(private readonly contract: Contract) {}

  /**
   * ajv's errors for `value` as sent in `direction`. OpenAPI lifts `required` for a readOnly property
   * in requests and a writeOnly one in responses; filtering ajv's errors afterwards cannot do that
   * inside `oneOf`/`anyOf` (the branch has failed already), so each direction validates against its
   * own view of the document, with those names taken out of `required`.
   */
  errors(ref: SchemaRef, value: unknown, direction: Direction): ErrorObject[] {
    const validate = this.view(direction).validator(ref);
    return validate(value) ? [] : [...(validate.errors ?? [])];
  }

  private view(direction: Direction): View {
    let view = this.views.get(direction);
    if (!view) {
      const document = liftRequired(this.contract.document, direction === "request" ? "readOnly" : "writeOnly");
      // Nothing lifted: the document as it is serves this direction, and the other one's ajv too.
      const same =
        document === this.contract.document ? [...this.views.values()].find((v) => v.document === document) : undefined;
      this.views.set(direction, (view = same ?? new View(this.contract, document)));
    }
    return view;
  }
}

type Direction = "request" | "response";

class View {
  readonly document: Record<string, unknown>;
  private readonly ajv: AnyAjv;
  private readonly id: string;
  private readonly byPointer = new Map<string, ValidateFunction>();
  private readonly byInline = new WeakMap<object, ValidateFunction>();

  constructor(contract: Contract, document: Record<string, unknown>) {
    this.document = document;
    // No ref inlining and no code optimisation pass: together they take compile time on the large
    // documents from 4.4 s to 1.5 s (github-api's 941 success schemas), and each validator here runs
    // once or twice.
    const options = {
      strict: false,
      allErrors: true,
      verbose: true,
      logger: false,
      validateSchema: false,
      inlineRefs: false,
      code: { optimize: false },
    } as const;
    // 2.0 and 3.0 schemas are draft-04 (boolean exclusiveMinimum, nullable); 3.1 and 3.2 are 2020-12.
    this.ajv = contract.dialect === "openapi-3.1" ? new Ajv2020(options) : new AjvDraft04(options);
    // ajv would take every string `id` (`$id`) anywhere in the document for a schema id, the `id`
    // fields of examples included: point it at a key no contract uses.
    (this.ajv.opts as { schemaId: string }).schemaId = "x-corpus-test-no-schema-id";
    addFormats(this.ajv);
    // OpenAPI's own formats: the ones that constrain are checked, the others accepted.
    this.ajv.addFormat("int32", {
      type: "number",
      validate: (n: number) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31,
    });
    this.ajv.addFormat("int64", { type: "number", validate: (n: number) => Number.isInteger(n) });
    for (const name of ["float", "double"]) this.ajv.addFormat(name, { type: "number", validate: () => true });
    this.ajv.addFormat("byte", { type: "string", validate: (s: string) => /^[A-Za-z0-9+/_-]*={0,2}$/.test(s) });
    for (const name of ["binary", "password"]) this.ajv.addFormat(name, { type: "string", validate: () => true });
    this.id = `https://corpus.test/${++views}/${encodeURIComponent(contract.id)}.json`;
    this.ajv.addSchema(document, this.id);
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
}

let views = 0;

/**
 * `document` with no `required` naming a property whose schema (through `$ref`s) is marked `flag`:
 * the document itself when there is none, else a copy of the nodes on the way to each changed
 * `required` (the rest shared). Only the document's structure is walked, never example data.
 */
function liftRequired(document: Record<string, unknown>, flag: "readOnly" | "writeOnly"): Record<string, unknown> {
  const copy = (node: unknown, key: string | undefined): unknown => {
    if (node === null || typeof node !== "object" || (key !== undefined && DATA_KEYS.has(key))) return node;
    if (Array.isArray(node)) {
      const items = node.map((item) => copy(item, undefined));
      return items.some((item, i) => item !== node[i]) ? items : node;
    }
    const source = node as Record<string, unknown>;
    let out: Record<string, unknown> | undefined;
    for (const [k, v] of Object.entries(source)) {
      const copied = copy(v, k);
      if (copied !== v) (out ??= { ...source })[k] = copied;
    }
    const properties = source.properties;
    if (Array.isArray(source.required) && properties !== null && typeof properties === "object") {
      const required = source.required.filter(
        (name) =>
          typeof name !== "string" || deref(document, (properties as Record<string, unknown>)[name])?.[flag] !== true,
      );
      if (required.length !== source.required.length) (out ??= { ...source }).required = required;
    }
    return out ?? source;
  };
  return copy(document, undefined) as Record<string, unknown>;
}

/** Keys whose values are data, not schemas: shared, not copied. */
const DATA_KEYS = new Set(["example", "examples", "default", "const", "enum", "x-examples"]);

function deref(document: unknown, node: unknown): Record<string, unknown> | undefined {
  for (let hops = 0; hops < 16; hops++) {
    if (node === null || typeof node !== "object") return undefined;
    const ref = (node as { $ref?: unknown }).$ref;
    if (typeof ref !== "string") return node as Record<string, unknown>;
    node = ref.startsWith("#") ? at(document, ref) : undefined;
  }
  return undefined;
}

/** The value at a `#/a/b` pointer. */
export function at(document: unknown, pointer: string): unknown {
  if (pointer === "#" || pointer === "") return document;
  let node: unknown = document;
  for (const raw of pointer.replace(/^#\//, "").split("/")) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[safeDecode(raw).replace(/~1/g, "/").replace(/~0/g, "~")];
  }
  return node;
}

function safeDecode(token: string): string {
  try {
    return decodeURIComponent(token);
  } catch {
    return token;
  }
}

/** Loader-built inline schemas (2.0 parameters, form bodies) hold `#/...` refs: point them at the document. */
function absolutise(schema: Record<string, unknown>, id: string): Record<string, unknown> {
  return JSON.parse(JSON.stringify(schema), (key, value: unknown) =>
    key === "$ref" && typeof value === "string" && value.startsWith("#") ? id + value : value,
  ) as Record<string, unknown>;
}

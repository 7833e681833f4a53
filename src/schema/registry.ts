import type { Ajv as AjvCore, ValidateFunction } from "ajv";
import type { Contract, SchemaRef } from "../contract/model.js";
import { MockpactError } from "../errors.js";
import { addDocument } from "./add-document.js";
import { placeOfAnchor } from "./anchor-place.js";
import { createAjv } from "./ajv.js";
import { regexBudget, withRegexBudget, type RegexBudget } from "./regex-budget.js";
import { toViolations, type Direction } from "./violations.js";
import type { Violation, ViolationLocation } from "./violation.js";

let registries = 0;

/**
 * Compiles a contract's schemas with ajv, once each, lazily: the first request to an operation pays
 * for its validators, later ones reuse them. The whole bundled document is registered under one id,
 * so every `$ref` (circular ones too) resolves as ajv itself resolves JSON pointers.
 */
export class SchemaRegistry {
  readonly docId: string;
  private readonly ajv: AjvCore;
  private readonly byPointer = new Map<string, ValidateFunction>();
  private readonly byInline = new WeakMap<object, ValidateFunction>();

  constructor(readonly contract: Contract) {
    this.docId = `https://mockpact.invalid/contracts/${++registries}.json`;
    this.ajv = createAjv(contract.dialect);
    try {
      addDocument(this.ajv, contract.document, this.docId, { knownWithoutIdentifiers: contract.noSchemaIdentifiers });
    } catch (cause) {
      throw new MockpactError(
        "SCHEMA_COMPILE",
        `Failed to register the contract's schemas: ${(cause as Error).message.replace(this.docId, "")}`,
        {
          hint: "Two schemas claim one $id or $anchor (the message names it): give each its own.",
          place: { file: contract.file, pointer: placeOfAnchor(contract.document, (cause as Error).message) },
          cause,
        },
      );
    }
  }

  /** The compiled validator of `ref`; a schema that does not compile is an error, never "valid". */
  validator(ref: SchemaRef): ValidateFunction {
    if ("pointer" in ref) {
      let validate = this.byPointer.get(ref.pointer);
      if (!validate) {
        validate = this.compileAt(ref.pointer);
        this.byPointer.set(ref.pointer, validate);
      }
      return validate;
    }
    if (typeof ref.inline === "boolean") return this.compile(ref.inline, "(inline)");
    let validate = this.byInline.get(ref.inline);
    if (!validate) {
      validate = this.compile(absolutiseRefs(ref.inline, this.docId), "(inline)");
      this.byInline.set(ref.inline, validate);
    }
    return validate;
  }

  /**
   * Every violation of `value`. Patterns that need backtracking draw on `budget` (one per request,
   * shared by all its values), else on one budget for this value; where it ran out, the pattern
   * violations say so.
   */
  validate(
    ref: SchemaRef,
    value: unknown,
    options: { direction: Direction; in: ViolationLocation; name?: string; budget?: RegexBudget },
  ): Violation[] {
    const validate = this.validator(ref);
    const budget = options.budget ?? regexBudget();
    if (withRegexBudget(budget, () => validate(value))) return [];
    const violations = toViolations(validate.errors ?? [], { ...options, document: this.contract.document });
    return budget.exhausted
      ? violations.map((v) => (v.keyword === "pattern" ? { ...v, message: `${v.message} ${budgetNote(budget)}` } : v))
      : violations;
  }

  /**
   * The schema at `pointer`, compiled where it lives (`getSchema`), so that its `$ref`s resolve
   * against the document's id. Not through a `{ $ref }` wrapper: ajv inlines a small ref target into
   * the id-less wrapper, and its `inlineRefs` size count skips a property *named* like a keyword
   * (`type`, `format`, `title`...), so a target such as `{ properties: { type: { $ref } } }` counts
   * as ref-free, is inlined, and its `#/...` refs then fail against the wrapper's empty base id
   * (discord: "can't resolve reference #/components/schemas/ChannelPermissionOverwrites from id #").
   */
  private compileAt(pointer: string): ValidateFunction {
    try {
      const validate = this.ajv.getSchema(`${this.docId}${pointer}`);
      if (validate) return validate;
    } catch (cause) {
      throw compileError(this.contract, pointer, cause);
    }
    return this.compile({ $ref: `${this.docId}${pointer}` }, pointer);
  }

  private compile(schema: object | boolean, pointer: string): ValidateFunction {
    try {
      return this.ajv.compile(schema);
    } catch (cause) {
      throw compileError(this.contract, pointer, cause);
    }
  }
}

function budgetNote(budget: RegexBudget): string {
  return `(or not checked to the end: the ${budget.limitMs} ms budget of the request for patterns with lookarounds or backreferences ran out)`;
}

function compileError(contract: Contract, pointer: string, cause: unknown): MockpactError {
  return new MockpactError(
    "SCHEMA_COMPILE",
    `Failed to compile the schema at ${pointer}: ${(cause as Error).message}`,
    {
      hint: "Fix the schema (an invalid `pattern` or an unresolvable $ref is the usual cause).",
      place: { file: contract.file, pointer },
      cause,
    },
  );
}

/** Inline schemas built by the loader may hold `#/definitions/X` refs: point them at the document. */
function absolutiseRefs(schema: Record<string, unknown>, docId: string): Record<string, unknown> {
  return JSON.parse(JSON.stringify(schema), (key, value: unknown) =>
    key === "$ref" && typeof value === "string" && value.startsWith("#") ? `${docId}${value}` : value,
  ) as Record<string, unknown>;
}

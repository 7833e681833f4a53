import type { Ajv as AjvCore, ValidateFunction } from "ajv";
import { MockpactError } from "../errors.js";
import { addDocument } from "./add-document.js";
import { createDraft07Ajv } from "./ajv.js";
import { toViolations } from "./violations.js";
import type { Violation } from "./violation.js";

let documents = 0;

/**
 * The payload schemas of an AsyncAPI document, compiled once each on first use. The whole document
 * is registered under one id, so a payload's `$ref`s resolve as in a contract's registry.
 */
export class MessageSchemas {
  private readonly ajv: AjvCore = createDraft07Ajv();
  private readonly docId = `https://mockpact.invalid/messages/${++documents}.json`;
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(
    private readonly document: Record<string, unknown>,
    private readonly file: string,
  ) {
    addDocument(this.ajv, document, this.docId);
  }

  /** The message's violations of the schema at `pointer` (`#/components/schemas/OrderCreated`); none when it is valid. */
  validate(pointer: string, value: unknown): Violation[] {
    let validate = this.compiled.get(pointer);
    if (!validate) {
      try {
        validate = this.ajv.compile({ $ref: `${this.docId}${pointer}` });
      } catch (cause) {
        throw new MockpactError(
          "SCHEMA_COMPILE",
          `Failed to compile the schema at ${pointer}: ${(cause as Error).message}`,
          {
            hint: "Fix the payload schema (an invalid `pattern` or an unresolvable $ref is the usual cause).",
            place: { file: this.file, pointer },
            cause,
          },
        );
      }
      this.compiled.set(pointer, validate);
    }
    return validate(value)
      ? []
      : toViolations(validate.errors ?? [], { direction: "response", in: "response.body", document: this.document });
  }
}

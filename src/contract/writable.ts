import type { ContractWarning, Operation } from "./model.js";
import { responseOutlineOf } from "./lazy-operation.js";
import { joinPointer } from "./pointer.js";

/**
 * What an HTTP/1.1 response can carry, as node:http checks it when the response is written. A
 * contract, a mocks file or a pact can hold anything; what fails these checks is a 500 problem when
 * answered (server/node-adapter.ts) and a warning at load (below, and for pacts in pact/stubs).
 */

/** RFC 9110 §15: three digits, 100 to 599 (node:http itself lets 600-999 through). */
export function isWritableStatus(status: number): boolean {
  return Number.isInteger(status) && status >= 100 && status <= 599;
}

/** RFC 9110 §5.1: a token; a space, a colon or a CR/LF cannot stand in a header name. */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

export function isHeaderName(name: string): boolean {
  return TOKEN.test(name);
}

/** node:http refuses control characters (CR/LF above all) and characters beyond Latin-1 in a value. */
const FIELD_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

export function isHeaderValue(value: string): boolean {
  return FIELD_VALUE.test(value);
}

/** `200`, `2XX` or `default`, as OpenAPI writes response keys; `099` and `700` name no answer HTTP has. */
const STATUS_KEY = /^(?:[1-5](?:\d\d|XX)|default)$/i;

/**
 * RESPONSE_UNWRITABLE warnings: a response key that is no status, a header name that is no token, a
 * media type key that cannot be a Content-Type value (it becomes one when answered).
 */
export function unwritableResponses(operations: Operation[], file: string): ContractWarning[] {
  const warnings: ContractWarning[] = [];
  const warn = (operation: Operation, status: string, what: string) =>
    warnings.push({
      code: "RESPONSE_UNWRITABLE",
      message: `${operation.operationId} documents a response HTTP cannot carry (${what}); answers that need it are a 500`,
      file,
      pointer: joinPointer(operation.source.pointer, "responses", status),
    });
  for (const operation of operations) {
    // The outline, not the responses: a lazy operation's responses are built when first used, not here.
    for (const response of responseOutlineOf(operation)) {
      if (
        !STATUS_KEY.test(response.status) ||
        (/^\d+$/.test(response.status) && !isWritableStatus(Number(response.status)))
      )
        warn(operation, response.status, `status ${JSON.stringify(response.status)}`);
      for (const name of response.headerNames)
        if (!isHeaderName(name)) warn(operation, response.status, `header name ${JSON.stringify(name)}`);
      for (const mediaType of response.mediaTypes)
        if (!isHeaderValue(mediaType)) warn(operation, response.status, `media type ${JSON.stringify(mediaType)}`);
    }
  }
  return warnings;
}

import type { Operation, ResponseSpec } from "../../src/contract/model.js";
import type { HttpResponse } from "../../src/http/types.js";
import { essence, isJsonish } from "./request.js";
import type { IndependentValidator } from "./validator.js";

/** Why a response is not what the contract documents; undefined when it is. */
export type Verdict = undefined | { reason: string; detail: string };

/** Counts of accepted answers worth a line in the summary (keyed by what was noticed). */
export const notes = new Map<string, number>();

/**
 * The response must carry a status the operation documents (exactly, by its range, or by
 * `default`), a success one whenever the operation documents any success, no violations of our
 * (valid) request, a Content-Type the chosen response declares, and a body that the independent
 * validator accepts against that media type's schema.
 */
export function checkResponse(operation: Operation, response: HttpResponse, validator: IndependentValidator): Verdict {
  const violations = response.headers["mockpact-violations"];
  if (violations !== undefined)
    return { reason: "request rejected", detail: `${response.status} ${violations.slice(0, 400)}` };
  const spec = documentedSpec(operation, response.status);
  if (!spec)
    return {
      reason: "undocumented status",
      detail: `${response.status} is not documented (${operation.responses.map((r) => r.status).join(", ")}): ${bodyText(response).slice(0, 300)}`,
    };
  if (response.status >= 400 && documentsSuccess(operation))
    return { reason: "error status", detail: `${response.status} ${bodyText(response).slice(0, 300)}` };
  const declared = Object.keys(spec.content);
  const body = bodyText(response);
  if (declared.length === 0)
    return body === "" ? undefined : { reason: "body where none is documented", detail: body.slice(0, 200) };
  if (response.status === 204 || response.status === 304)
    return body === "" ? undefined : { reason: "body on a bodiless status", detail: body.slice(0, 200) };
  const contentType = response.headers["content-type"];
  if (contentType === undefined) return { reason: "no content-type", detail: `documented: ${declared.join(", ")}` };
  const key =
    declared.find((k) => essence(k) === essence(contentType)) ?? declared.find((k) => rangeMatches(k, contentType));
  if (key === undefined)
    return { reason: "undeclared content-type", detail: `${contentType} is not one of ${declared.join(", ")}` };
  const media = spec.content[key]!;
  if (!media.schema) return undefined;
  let value: unknown = body;
  if (isJsonish(contentType)) {
    try {
      value = JSON.parse(body);
    } catch {
      return { reason: "body is not JSON", detail: `${contentType}: ${body.slice(0, 200)}` };
    }
  }
  let errors = validator.errors(media.schema, value, "response");
  if (errors.length > 0 && !isJsonish(contentType)) {
    // mockpact writes a non-string value as JSON whatever the media type (README, known limits):
    // right for vendor JSON types without `+json` (`application/vnd.github.object`), not for XML.
    const parsed = parseJson(body);
    if (parsed.ok && validator.errors(media.schema, parsed.value, "response").length === 0) {
      const note = `JSON body under ${essence(contentType)}`;
      notes.set(note, (notes.get(note) ?? 0) + 1);
      errors = [];
    }
  }
  if (errors.length === 0) return undefined;
  const warning = response.headers["mockpact-warning"];
  const summary = errors
    .slice(0, 3)
    .map((e) => `${e.instancePath || "/"} ${e.keyword}: ${e.message}`)
    .join("; ");
  return {
    reason: "body breaks its schema",
    detail: `${response.status} ${contentType}: ${summary}${warning ? ` [mock warned: ${warning}]` : ""} ${body.slice(0, 200)}`,
  };
}

/** The documented response for a status: exact, then its range (`2XX`), then `default`. */
export function documentedSpec(operation: Operation, status: number): ResponseSpec | undefined {
  const specs = operation.responses;
  return (
    specs.find((s) => s.status === String(status)) ??
    specs.find((s) => s.status === `${String(status)[0]}XX`) ??
    specs.find((s) => s.status === "DEFAULT")
  );
}

function documentsSuccess(operation: Operation): boolean {
  return operation.responses.some((s) => s.status.startsWith("2") || s.status === "DEFAULT");
}

/** `*\/*`, `text/*`, `application/*+json` ranges as declared keys. */
function rangeMatches(key: string, contentType: string): boolean {
  const [type, subtype] = essence(key).split("/");
  const [actualType, actualSubtype] = essence(contentType).split("/");
  if (type === "*") return true;
  if (type !== actualType || subtype === undefined || actualSubtype === undefined) return false;
  if (subtype === "*") return true;
  return subtype.startsWith("*+") && actualSubtype.endsWith(subtype.slice(1));
}

function bodyText(response: HttpResponse): string {
  const body = response.body;
  return body === undefined ? "" : typeof body === "string" ? body : Buffer.from(body).toString("utf8");
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

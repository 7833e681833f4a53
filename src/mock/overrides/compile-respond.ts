import type { Operation } from "../../contract/model.js";
import type { MockpactError } from "../../errors.js";
import { chooseResponse } from "../../http/choose.js";
import type { RespondFields } from "./compile.js";
import { compileTemplate, type Template } from "./template.js";
import type { BodySource } from "./types.js";

/** RFC 9110 token characters: node:http refuses any other header name. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** A header value node:http accepts: printable ASCII, anything else percent-encoded (as build.ts does for documented headers). */
export function headerText(value: string): string {
  return value.replace(/[^\x20-\x7e]/g, (c) => encodeURIComponent(c));
}

const TEMPLATE_HINT =
  "Templates read {{request.path.x}}, {{request.query.x}}, {{request.headers.x}}, {{request.body.x}} and use the helpers of docs/testing.md (now, date, if, each, eq, add, jsonPath, randomInt, uuid, faker).";

type Fail = (message: string, path: Array<string | number>, hint: string) => MockpactError;
type Respond = RespondFields;

/**
 * What an entry sends as its body. A named example or a fake needs the status to be documented;
 * a fixed body does not (it is checked against the contract later, with a warning, not an error).
 */
export function compileBodySource(respond: Respond, operation: Operation, status: number, fail: Fail): BodySource {
  const given = (["body", "example", "fake"] as const).filter((k) => respond[k] !== undefined && respond[k] !== false);
  if (given.length > 1)
    throw fail(
      `respond has ${given.join(" and ")}: give one of body, example or fake`,
      ["respond", given[1]!],
      "Keep one of body, example and fake.",
    );
  if ("body" in respond) {
    if (!respond.template) return { kind: "fixed", value: respond.body };
    const template = compileTemplate(respond.body, ["respond", "body"]);
    if (typeof template !== "function") throw fail(template.message, template.at, TEMPLATE_HINT);
    return { kind: "fixed", value: respond.body, template };
  }
  const chosen = chooseResponse(operation, status);
  if (!chosen)
    throw fail(
      `${operation.operationId} documents no response for status ${status}`,
      ["respond", "status"],
      "Give a `body`, or a status the operation documents.",
    );
  if (respond.example !== undefined) {
    const names = Object.values(chosen.spec.content).flatMap((media) => Object.keys(media.examples));
    if (!names.includes(respond.example)) {
      throw fail(
        `${operation.operationId} ${status} has no example named "${respond.example}" (it has: ${names.join(", ") || "none"})`,
        ["respond", "example"],
        "Name one of the documented examples.",
      );
    }
    return { kind: "example", name: respond.example };
  }
  return respond.fake ? { kind: "fake" } : { kind: "generated" };
}

/** Response headers as text; with `template: true`, compiled as templates too. */
export function compileHeaders(
  respond: Respond,
  fail: Fail,
): { headers: Record<string, string>; headerTemplates?: Record<string, Template> } {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(respond.headers ?? {})) {
    if (!HEADER_NAME.test(name))
      throw fail(
        `"${name}" is not a valid header name`,
        ["respond", "headers", name],
        "Header names are letters, digits and - (no spaces or colons).",
      );
    headers[name.toLowerCase()] = headerText(String(value));
  }
  if (!respond.template) return { headers };
  const headerTemplates: Record<string, Template> = {};
  for (const name of Object.keys(respond.headers ?? {})) {
    const template = compileTemplate(headers[name.toLowerCase()], ["respond", "headers", name]);
    if (typeof template !== "function") throw fail(template.message, template.at, TEMPLATE_HINT);
    headerTemplates[name.toLowerCase()] = template;
  }
  return { headers, headerTemplates };
}

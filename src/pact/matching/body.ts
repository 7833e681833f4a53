import { parseMediaType } from "../../http/media-type.js";
import { parseQuery } from "../../http/params.js";
import type { PactBody } from "../http-interaction.js";
import { checkRules } from "./check-rule.js";
import { checkContentType } from "./content-type.js";
import { compareJson } from "./json-body.js";
import type { Mismatch } from "./mismatch.js";
import { compareParameters } from "./query.js";
import type { RuleEntry } from "./rules.js";
import { selectRules } from "./select.js";
import { show } from "./values.js";
import { compareXml } from "./xml-body.js";

export interface ActualBody {
  bytes: Buffer | undefined;
  contentType: string | undefined;
}

type BodyKind = "json" | "xml" | "form" | "text";

/**
 * Pact's body matching: no expectation matches anything; an empty expectation matches no body; a
 * body of another kind (JSON vs XML vs text) does not match; else the bodies compare by kind.
 */
export function matchBody(
  expected: PactBody,
  expectedType: string | undefined,
  actual: ActualBody,
  rules: RuleEntry[] | undefined,
  allowUnexpectedKeys: boolean,
): Mismatch[] {
  if (expected.kind === "missing") return [];
  const sent = actual.bytes !== undefined && actual.bytes.length > 0;
  if (expected.kind === "empty")
    return sent ? [at(`expected no body but received ${show(actual.bytes!.toString("utf8"))}`)] : [];
  if (!sent) return [at(`expected a body but none was sent`)];
  const byType = selectRules(rules, ["$"])?.list.rules.find((r) => r.match === "contentType");
  if (byType)
    return [checkContentType(byType, actual.bytes!, actual.contentType)]
      .filter((m): m is string => m !== undefined)
      .map(at);
  const text = actual.bytes!.toString("utf8");
  const kind = kindOf(expectedType, expected.value);
  const actualKind = actual.contentType ? kindOf(actual.contentType, undefined) : detectKind(text);
  if (kind !== actualKind && !(kind === "text" && actual.contentType === undefined))
    return [at(`expected a ${expectedType ?? kind} body but received ${actual.contentType ?? actualKind}`)];
  if (kind === "json") return compareJsonText(expected.value, text, rules, allowUnexpectedKeys);
  if (kind === "form") return compareParameters(formOf(expected.value), parseQuery(text), rules, "body");
  if (kind === "xml") return compareXml(String(expected.value), text, rules, allowUnexpectedKeys);
  if (expected.bytes && !selectRules(rules, ["$"]))
    return expected.bytes.equals(actual.bytes!)
      ? []
      : [
          at(
            `expected ${expected.bytes.length} byte(s) of ${expectedType ?? "binary"} but received ${actual.bytes!.length} that differ`,
          ),
        ];
  return compareText(expected.bytes ? expected.bytes.toString("utf8") : String(expected.value), text, rules);
}

function compareJsonText(
  expected: unknown,
  text: string,
  rules: RuleEntry[] | undefined,
  allowUnexpectedKeys: boolean,
): Mismatch[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return [at(`the body is not JSON: ${(error as Error).message}`)];
  }
  return compareJson(["$"], expected, value, { rules, allowUnexpectedKeys });
}

function compareText(expected: string, actual: string, rules: RuleEntry[] | undefined): Mismatch[] {
  const selected = selectRules(rules, ["$"]);
  const failures = selected
    ? checkRules(selected.list, expected, actual, { cascaded: false, text: true })
    : expected === actual
      ? []
      : [`expected ${show(expected)} but was ${show(actual)}`];
  return failures.map(at);
}

function kindOf(contentType: string | undefined, value: unknown): BodyKind {
  const parsed = parseMediaType(contentType);
  if (!parsed) return value === undefined || typeof value === "string" ? "text" : "json";
  if (parsed.subtype === "json" || parsed.suffix === "json") return "json";
  if (parsed.subtype === "xml" || parsed.suffix === "xml") return "xml";
  if (parsed.essence === "application/x-www-form-urlencoded") return "form";
  return "text";
}

function detectKind(text: string): BodyKind {
  if (/^\s*</.test(text)) return "xml";
  try {
    JSON.parse(text);
    return "json";
  } catch {
    return "text";
  }
}

function formOf(value: unknown): Map<string, string[]> {
  if (typeof value === "string") return parseQuery(value);
  const form = new Map<string, string[]>();
  if (value && typeof value === "object")
    for (const [k, v] of Object.entries(value)) form.set(k, (Array.isArray(v) ? v : [v]).map(String));
  return form;
}

function at(message: string): Mismatch {
  return { part: "body", where: "$", message };
}

import type { ErrorObject } from "ajv";
import { isObject, resolveLocal } from "../contract/pointer.js";
import type { Violation, ViolationLocation } from "./violation.js";

export type Direction = "request" | "response";

interface MappingContext {
  direction: Direction;
  in: ViolationLocation;
  /** The parameter or header name, for parameter locations. */
  name?: string;
  document: Record<string, unknown>;
}

/**
 * ajv errors -> Violations. A `required` error for a readOnly property in a request, or a writeOnly
 * property in a response, is dropped: OpenAPI says such a property is required only in the other
 * direction. `where` is a JSON pointer into the body, or the parameter name with the pointer after it.
 */
export function toViolations(errors: ErrorObject[], context: MappingContext): Violation[] {
  const violations: Violation[] = [];
  for (const error of errors) {
    if (isForgivenRequired(error, context)) continue;
    const pointer = error.instancePath + extraSegment(error);
    const where = context.name !== undefined ? `${context.name}${pointer}` : pointer;
    violations.push({ in: context.in, where, keyword: error.keyword, message: messageOf(error, where, context) });
  }
  return violations;
}

function extraSegment(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  if (error.keyword === "required" && typeof params.missingProperty === "string") return `/${params.missingProperty}`;
  if (error.keyword === "additionalProperties" && typeof params.additionalProperty === "string")
    return `/${params.additionalProperty}`;
  return "";
}

function messageOf(error: ErrorObject, where: string, context: MappingContext): string {
  const subject = where === "" ? (context.in.includes("body") ? "body" : context.in) : where;
  const params = error.params as Record<string, unknown>;
  if (error.keyword === "additionalProperties") return `${subject} is not allowed (additionalProperties: false)`;
  if (error.keyword === "required") return `${subject} is required`;
  if (error.keyword === "enum" && Array.isArray(params.allowedValues))
    return `${subject} must be one of ${JSON.stringify(params.allowedValues)}`;
  return `${subject} ${error.message ?? `fails ${error.keyword}`}`;
}

function isForgivenRequired(error: ErrorObject, context: MappingContext): boolean {
  if (error.keyword !== "required") return false;
  const missing = (error.params as Record<string, unknown>).missingProperty;
  const parent = error.parentSchema;
  if (typeof missing !== "string" || !isObject(parent) || !isObject(parent.properties)) return false;
  const property = resolveLocal(context.document, parent.properties[missing], "")?.value;
  if (!isObject(property)) return false;
  return context.direction === "request" ? property.readOnly === true : property.writeOnly === true;
}

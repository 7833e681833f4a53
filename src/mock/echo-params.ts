import type { Operation } from "../contract/model.js";

/** One property of an answer's top-level object that receives a path parameter's value. */
export interface EchoField {
  param: string;
  property: string;
  /** The type of the value the answer built: the path text is read as one of these. */
  type: "string" | "number" | "boolean";
}

/**
 * Which path parameters of `operation` name a property at the top of `body`: `GET /orders/{orderId}`
 * answering `{ orderId: "o-1" }` should say `o-42` for `/orders/o-42`. `id` receives the last
 * parameter when its name ends in `Id` or `_id` and the body has no property of the parameter's own
 * name. Only a top-level object: the items of a list are other resources. Undefined when nothing
 * applies, so such answers pay nothing per request.
 */
export function echoPlan(operation: Operation, body: unknown): EchoField[] | undefined {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return undefined;
  const object = body as Record<string, unknown>;
  const names = operation.parameters.filter((p) => p.in === "path").map((p) => p.name);
  const fields: EchoField[] = [];
  for (const name of names) {
    const type = typeOf(object[name]);
    if (Object.hasOwn(object, name) && type) fields.push({ param: name, property: name, type });
  }
  const last = names[names.length - 1];
  const idType = typeOf(object.id);
  if (last && last !== "id" && /(?:Id|_id)$/.test(last) && !Object.hasOwn(object, last) && idType)
    fields.push({ param: last, property: "id", type: idType });
  return fields.length > 0 ? fields : undefined;
}

/** Echoes into `body` per request, checked by `fits` (the response schema); undefined when nothing applies. */
export function paramEcho(
  operation: Operation,
  body: unknown,
  fits: (candidate: unknown) => boolean,
): ((pathParams: Record<string, string>) => Record<string, unknown> | undefined) | undefined {
  const plan = echoPlan(operation, body);
  if (!plan) return undefined;
  return (pathParams) => {
    const echoed = withEchoedParams(body as Record<string, unknown>, plan, pathParams);
    return echoed && fits(echoed) ? echoed : undefined;
  };
}

/**
 * `body` with each field set to its path parameter, read as the type it had; undefined when no value
 * can be read so or none changes (the caller keeps its answer, and checks the result against the schema).
 */
export function withEchoedParams(
  body: Record<string, unknown>,
  plan: EchoField[],
  pathParams: Record<string, string>,
): Record<string, unknown> | undefined {
  let copy: Record<string, unknown> | undefined;
  for (const field of plan) {
    const text = pathParams[field.param];
    const value = text === undefined ? undefined : readAs(text, field.type);
    if (value === undefined || value === body[field.property]) continue;
    copy ??= { ...body };
    copy[field.property] = value;
  }
  return copy;
}

function typeOf(value: unknown): EchoField["type"] | undefined {
  const type = typeof value;
  return type === "string" || type === "number" || type === "boolean" ? type : undefined;
}

const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

function readAs(text: string, type: EchoField["type"]): unknown {
  if (type === "string") return text;
  if (type === "boolean") return text === "true" ? true : text === "false" ? false : undefined;
  return NUMBER.test(text) && Number.isFinite(Number(text)) ? Number(text) : undefined;
}

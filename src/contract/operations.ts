import type { Contract, ContractWarning, Dialect, HttpMethod, Operation, Parameter } from "./model.js";
import { LazyOperation } from "./lazy-operation.js";
import { parametersOf, requestBodyOf, responseOutlines, responsesOf, type Located } from "./oas3.js";
import { cleanTemplate, mergePathItem, methodsOf } from "./path-item.js";
import { isObject, joinPointer, resolveLocal } from "./pointer.js";
import { securityRequirementsOf } from "./security.js";
import { parametersOf2, rawParametersOf, requestBodyOf2, responseOutlines2, responsesOf2 } from "./swagger2.js";

type Doc = Record<string, unknown>;

/** Every operation of `paths`, in document order, normalised from either dialect. */
export function operationsOf(doc: Doc, dialect: Dialect, file: string, warnings: ContractWarning[]): Operation[] {
  const paths = isObject(doc.paths) ? doc.paths : {};
  const operations: Operation[] = [];
  const seenIds = new Map<string, number>();
  for (const [rawPath, rawItem] of Object.entries(paths)) {
    const pathItem = resolveLocal(doc, rawItem, joinPointer("#/paths", rawPath));
    if (!pathItem || !isObject(pathItem.value)) continue;
    const item = { value: mergePathItem(doc, rawItem, pathItem.value), pointer: pathItem.pointer } as Located;
    const template = cleanTemplate(rawPath, file, warnings);
    for (const [method, raw, pointer] of methodsOf(item, dialect)) {
      const found = resolveLocal(doc, raw, pointer);
      if (!found || !isObject(found.value)) continue;
      const located = { value: found.value, pointer: found.pointer } as Located;
      const operation = buildOperation(doc, dialect, file, method, template, item, located);
      operation.operationId = uniqueId(operation.operationId, seenIds, file, located.pointer, warnings);
      operations.push(operation);
    }
  }
  return operations;
}

export function buildOperation(
  doc: Doc,
  dialect: Dialect,
  file: string,
  method: HttpMethod,
  path: string,
  item: Located,
  op: Located,
): Operation {
  const raw = op.value;
  const base = {
    operationId:
      typeof raw.operationId === "string" && raw.operationId !== "" ? raw.operationId : deriveId(method, path),
    derivedId: typeof raw.operationId !== "string" || raw.operationId === "",
    method,
    path,
    summary: typeof raw.summary === "string" ? raw.summary : undefined,
    tags: Array.isArray(raw.tags) ? raw.tags.map(String) : [],
    security: securityRequirementsOf(raw, doc),
    source: { file, pointer: op.pointer },
    deprecated: raw.deprecated === true,
  };
  if (dialect !== "swagger-2.0") {
    return new LazyOperation(
      base,
      () => ({
        parameters: withoutIgnoredHeaders(parametersOf(doc, item, op)),
        requestBody: requestBodyOf(doc, op),
        responses: responsesOf(doc, op),
      }),
      () => responseOutlines(doc, op),
    );
  }
  const produces = mediaList(raw.produces ?? doc.produces, "application/json");
  return new LazyOperation(
    base,
    () => {
      const rawParams = rawParametersOf(doc, item, op);
      return {
        parameters: withoutIgnoredHeaders(parametersOf2(doc, rawParams)),
        requestBody: requestBodyOf2(rawParams, mediaList(raw.consumes ?? doc.consumes, "application/json")),
        responses: responsesOf2(doc, op, produces),
      };
    },
    () => responseOutlines2(doc, op, produces),
  );
}

/**
 * OpenAPI 3: header parameters named Accept, Content-Type or Authorization "SHALL be ignored" (the
 * media type and security say them). Swagger 2.0 tools read them the same way, so both dialects drop them.
 */
const IGNORED_HEADERS = new Set(["accept", "content-type", "authorization"]);

function withoutIgnoredHeaders(parameters: Parameter[]): Parameter[] {
  return parameters.filter((p) => !(p.in === "header" && IGNORED_HEADERS.has(p.name.toLowerCase())));
}

function mediaList(value: unknown, fallback: string): string[] {
  return Array.isArray(value) && value.length > 0 ? value.map(String) : [fallback];
}

/** `GET /pets/{petId}` -> `get_pets_petId`: stable, readable, unique enough (duplicates get a suffix). */
export function deriveId(method: string, path: string): string {
  const words = path.split(/[^A-Za-z0-9]+/).filter(Boolean);
  return [method, ...words].join("_");
}

function uniqueId(
  id: string,
  seen: Map<string, number>,
  file: string,
  pointer: string,
  warnings: ContractWarning[],
): string {
  const count = seen.get(id) ?? 0;
  seen.set(id, count + 1);
  if (count === 0) return id;
  warnings.push({
    code: "DUPLICATE_OPERATION_ID",
    message: `operationId "${id}" is used more than once; this one is served as "${id}_${count + 1}"`,
    file,
    pointer,
  });
  return `${id}_${count + 1}`;
}

export type { Contract };

import type {
  MediaType,
  Parameter,
  ParameterLocation,
  ParameterStyle,
  RequestBody,
  ResponseHeader,
  ResponseSpec,
} from "./model.js";
import { isObject, joinPointer, resolveLocal } from "./pointer.js";
import { exampleValue } from "./example-value.js";
import { shapeOf } from "./shape.js";
import type { ResponseOutline } from "./lazy-operation.js";

type Doc = Record<string, unknown>;
const LOCATIONS = new Set<ParameterLocation>(["path", "query", "header", "cookie"]);

/** Parameters of a path item and its operation, the operation's winning on (name, in). */
export function parametersOf(doc: Doc, pathItem: Located, operation: Located): Parameter[] {
  const byKey = new Map<string, Parameter>();
  for (const owner of [pathItem, operation]) {
    const list = Array.isArray(owner.value.parameters) ? owner.value.parameters : [];
    list.forEach((raw, i) => {
      const parameter = toParameter(doc, raw, joinPointer(owner.pointer, "parameters", i));
      if (parameter) byKey.set(`${parameter.in}:${parameter.name.toLowerCase()}`, parameter);
    });
  }
  return [...byKey.values()];
}

export interface Located {
  value: Doc;
  pointer: string;
}

function toParameter(doc: Doc, raw: unknown, pointer: string): Parameter | undefined {
  const found = resolveLocal(doc, raw, pointer);
  if (!found || !isObject(found.value)) return undefined;
  const p = found.value;
  const where = p.in as ParameterLocation;
  if (typeof p.name !== "string" || !LOCATIONS.has(where)) return undefined;
  const style = (typeof p.style === "string" ? p.style : defaultStyle(where)) as ParameterStyle;
  const content = isObject(p.content) ? Object.keys(p.content)[0] : undefined;
  const schemaPointer = content
    ? joinPointer(found.pointer, "content", content, "schema")
    : joinPointer(found.pointer, "schema");
  const schemaValue = content ? (p.content as Doc)[content] && ((p.content as Doc)[content] as Doc).schema : p.schema;
  return {
    name: p.name,
    in: where,
    required: where === "path" ? true : p.required === true,
    style,
    explode: typeof p.explode === "boolean" ? p.explode : style === "form",
    schema: schemaValue === undefined ? { inline: {} } : { pointer: schemaPointer },
    shape: shapeOf(doc, schemaValue),
    contentMediaType: content,
    deprecated: p.deprecated === true,
  };
}

function defaultStyle(where: ParameterLocation): ParameterStyle {
  return where === "query" || where === "cookie" ? "form" : "simple";
}

export function requestBodyOf(doc: Doc, operation: Located): RequestBody | undefined {
  const found = resolveLocal(doc, operation.value.requestBody, joinPointer(operation.pointer, "requestBody"));
  if (!found || !isObject(found.value)) return undefined;
  return {
    required: found.value.required === true,
    content: contentOf(doc, found.value.content, joinPointer(found.pointer, "content")),
  };
}

export function responsesOf(doc: Doc, operation: Located): ResponseSpec[] {
  return responseEntries(doc, operation).map(({ status, found }) => ({
    status,
    description: typeof found.value.description === "string" ? found.value.description : "",
    headers: headersOf(doc, found.value.headers, joinPointer(found.pointer, "headers")),
    content: contentOf(doc, found.value.content, joinPointer(found.pointer, "content")),
  }));
}

/** Each response of an operation that resolves to an object, with its status key upper-cased (both dialects). */
export function responseEntries(doc: Doc, operation: Located): Array<{ status: string; found: Located }> {
  const responses = isObject(operation.value.responses) ? operation.value.responses : {};
  const entries: Array<{ status: string; found: Located }> = [];
  for (const [status, raw] of Object.entries(responses)) {
    const found = resolveLocal(doc, raw, joinPointer(operation.pointer, "responses", status));
    if (found && isObject(found.value)) entries.push({ status: status.toUpperCase(), found: found as Located });
  }
  return entries;
}

/** The responses' outline (status, header names, media types) without examples or schemas read. */
export function responseOutlines(doc: Doc, operation: Located): ResponseOutline[] {
  return responseEntries(doc, operation).map(({ status, found }) => ({
    status,
    headerNames: headerEntries(doc, found.value.headers, joinPointer(found.pointer, "headers")).map((h) => h.name),
    mediaTypes: isObject(found.value.content)
      ? Object.entries(found.value.content)
          .filter(([, media]) => isObject(media))
          .map(([key]) => key)
      : [],
  }));
}

/** Each header of a response that resolves to an object; Content-Type aside (the media type says it). */
function headerEntries(doc: Doc, raw: unknown, pointer: string): Array<{ name: string; found: Located }> {
  if (!isObject(raw)) return [];
  const entries: Array<{ name: string; found: Located }> = [];
  for (const [name, value] of Object.entries(raw)) {
    const found = resolveLocal(doc, value, joinPointer(pointer, name));
    if (found && isObject(found.value) && name.toLowerCase() !== "content-type")
      entries.push({ name, found: found as Located });
  }
  return entries;
}

function headersOf(doc: Doc, raw: unknown, pointer: string): ResponseHeader[] {
  const headers: ResponseHeader[] = [];
  for (const { name, found } of headerEntries(doc, raw, pointer)) {
    const schema = found.value.schema !== undefined ? { pointer: joinPointer(found.pointer, "schema") } : undefined;
    const example = headerExample(doc, found.value, found.pointer);
    headers.push({
      name,
      required: found.value.required === true,
      schema,
      ...(example !== undefined ? { example } : {}),
    });
  }
  return headers;
}

/** A header object's `example`, else the value of its first `examples` entry. */
function headerExample(doc: Doc, header: Doc, pointer: string): unknown {
  if (header.example !== undefined) return header.example;
  if (!isObject(header.examples)) return undefined;
  for (const [name, raw] of Object.entries(header.examples)) {
    const example = resolveLocal(doc, raw, joinPointer(pointer, "examples", name))?.value;
    const value = isObject(example) ? exampleValue(example, "text/plain") : undefined;
    if (value) return value.value;
  }
  return undefined;
}

function contentOf(doc: Doc, raw: unknown, pointer: string): Record<string, MediaType> {
  const content: Record<string, MediaType> = {};
  if (!isObject(raw)) return content;
  for (const [media, value] of Object.entries(raw)) {
    if (!isObject(value)) continue;
    content[media] = mediaTypeOf(doc, media, value, joinPointer(pointer, media));
  }
  return content;
}

function mediaTypeOf(doc: Doc, mediaKey: string, media: Doc, pointer: string): MediaType {
  const examples: Record<string, unknown> = {};
  if (isObject(media.examples)) {
    for (const [name, raw] of Object.entries(media.examples)) {
      const example = resolveLocal(doc, raw, joinPointer(pointer, "examples", name))?.value;
      const value = isObject(example) ? exampleValue(example, mediaKey) : undefined;
      if (value) examples[name] = value.value;
    }
  }
  const hasExample = "example" in media;
  return {
    schema: media.schema !== undefined ? { pointer: joinPointer(pointer, "schema") } : undefined,
    ...(media.itemSchema !== undefined ? { itemSchema: { pointer: joinPointer(pointer, "itemSchema") } } : {}),
    examples,
    example: media.example,
    hasExample: hasExample || Object.keys(examples).length > 0,
  };
}

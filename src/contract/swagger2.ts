import type {
  MediaType,
  Parameter,
  ParameterStyle,
  RequestBody,
  ResponseHeader,
  ResponseSpec,
  SchemaRef,
} from "./model.js";
import type { ResponseOutline } from "./lazy-operation.js";
import { responseEntries, type Located } from "./oas3.js";
import { isObject, joinPointer, resolveLocal } from "./pointer.js";
import { shapeOf } from "./shape.js";

type Doc = Record<string, unknown>;
interface RawParameter {
  value: Doc;
  pointer: string;
}

/** Schema keywords a 2.0 non-body parameter or header carries on itself rather than in a `schema`. */
const INLINE_KEYWORDS = [
  "type",
  "format",
  "items",
  "enum",
  "default",
  "minimum",
  "maximum",
  "exclusiveMinimum",
  "exclusiveMaximum",
  "minLength",
  "maxLength",
  "pattern",
  "minItems",
  "maxItems",
  "uniqueItems",
  "multipleOf",
];

export function rawParametersOf(doc: Doc, pathItem: Located, operation: Located): RawParameter[] {
  const byKey = new Map<string, RawParameter>();
  for (const owner of [pathItem, operation]) {
    const list = Array.isArray(owner.value.parameters) ? owner.value.parameters : [];
    list.forEach((raw, i) => {
      const found = resolveLocal(doc, raw, joinPointer(owner.pointer, "parameters", i));
      if (found && isObject(found.value) && typeof found.value.name === "string") {
        byKey.set(`${String(found.value.in)}:${found.value.name.toLowerCase()}`, {
          value: found.value,
          pointer: found.pointer,
        });
      }
    });
  }
  return [...byKey.values()];
}

export function parametersOf2(doc: Doc, raw: RawParameter[]): Parameter[] {
  return raw
    .filter((p) => ["path", "query", "header"].includes(String(p.value.in)))
    .map((p) => toParameter(doc, p.value));
}

function toParameter(doc: Doc, p: Doc): Parameter {
  const where = p.in as "path" | "query" | "header";
  const { style, explode } = styleOfCollectionFormat(where, p.collectionFormat);
  const schema = inlineSchema(p);
  return {
    name: String(p.name),
    in: where,
    required: where === "path" || p.required === true,
    style,
    explode,
    schema: { inline: schema },
    shape: shapeOf(doc, schema),
  };
}

function styleOfCollectionFormat(where: string, format: unknown): { style: ParameterStyle; explode: boolean } {
  if (format === "multi") return { style: "form", explode: true };
  if (format === "ssv") return { style: "spaceDelimited", explode: false };
  if (format === "pipes") return { style: "pipeDelimited", explode: false };
  return { style: where === "query" ? "form" : "simple", explode: false };
}

export function inlineSchema(p: Doc): Record<string, unknown> {
  const schema: Record<string, unknown> = {};
  for (const key of INLINE_KEYWORDS) if (p[key] !== undefined) schema[key] = p[key];
  if (schema.type === "file") return { type: "string", format: "binary" };
  if (p["x-nullable"] === true) schema.nullable = true;
  return schema;
}

/** A 2.0 `in: body` parameter, or the `in: formData` ones gathered into one object schema. */
export function requestBodyOf2(raw: RawParameter[], consumes: string[]): RequestBody | undefined {
  const body = raw.find((p) => p.value.in === "body");
  if (body) {
    const media: MediaType = {
      schema: { pointer: joinPointer(body.pointer, "schema") },
      examples: {},
      hasExample: false,
    };
    return { required: body.value.required === true, content: Object.fromEntries(consumes.map((c) => [c, media])) };
  }
  const form = raw.filter((p) => p.value.in === "formData");
  if (form.length === 0) return undefined;
  const schema: SchemaRef = { inline: formSchema(form) };
  const hasFile = form.some((p) => p.value.type === "file");
  const formTypes = consumes.filter((c) => /form/.test(c));
  const types =
    formTypes.length > 0 ? formTypes : [hasFile ? "multipart/form-data" : "application/x-www-form-urlencoded"];
  return {
    required: form.some((p) => p.value.required === true),
    content: Object.fromEntries(types.map((c) => [c, { schema, examples: {}, hasExample: false }])),
  };
}

function formSchema(form: RawParameter[]): Record<string, unknown> {
  const properties = Object.fromEntries(form.map((p) => [String(p.value.name), inlineSchema(p.value)]));
  const required = form.filter((p) => p.value.required === true).map((p) => String(p.value.name));
  return { type: "object", properties, ...(required.length > 0 ? { required } : {}) };
}

export function responsesOf2(doc: Doc, operation: Located, produces: string[]): ResponseSpec[] {
  const specs: ResponseSpec[] = [];
  for (const { status, found } of responseEntries(doc, operation)) {
    const response = found.value;
    const examples = isObject(response.examples) ? response.examples : {};
    const content: Record<string, MediaType> = {};
    if (response.schema !== undefined) {
      // `type: file` (2.0 allows it at a response schema's root) is no JSON Schema type: ajv refuses to
      // compile it. It means a file's bytes, as `type: file` does in a formData parameter.
      const schema: SchemaRef = isFileSchema(doc, response.schema)
        ? { inline: { type: "string", format: "binary" } }
        : { pointer: joinPointer(found.pointer, "schema") };
      for (const media of produces)
        content[media] = { schema, examples: {}, example: examples[media], hasExample: media in examples };
    }
    specs.push({
      status,
      description: String(response.description ?? ""),
      headers: headersOf2(response.headers),
      content,
    });
  }
  return specs;
}

function isFileSchema(doc: Doc, schema: unknown): boolean {
  const resolved = resolveLocal(doc, schema, "")?.value;
  return isObject(resolved) && resolved.type === "file";
}

function headersOf2(raw: unknown): ResponseHeader[] {
  return headerEntries2(raw).map(([name, value]) => ({
    name,
    required: false,
    schema: { inline: inlineSchema(value as Doc) },
  }));
}

function headerEntries2(raw: unknown): Array<[string, unknown]> {
  if (!isObject(raw)) return [];
  return Object.entries(raw).filter(([name, value]) => isObject(value) && name.toLowerCase() !== "content-type");
}

/** The responses' outline (status, header names, media types): a 2.0 response with a schema comes in every `produces` type. */
export function responseOutlines2(doc: Doc, operation: Located, produces: string[]): ResponseOutline[] {
  return responseEntries(doc, operation).map(({ status, found }) => ({
    status,
    headerNames: headerEntries2(found.value.headers).map(([name]) => name),
    mediaTypes: found.value.schema !== undefined ? [...new Set(produces)] : [],
  }));
}

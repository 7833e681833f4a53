import type { WarningCode } from "../errors.js";

/**
 * The one model every capability works on, whatever the source dialect. Schemas are not copied
 * into the model: a `SchemaRef` points into the contract's (bundled) document so that ajv and the
 * faker resolve `$ref`s, circular ones included, against the document itself.
 */

export type Dialect = "swagger-2.0" | "openapi-3.0" | "openapi-3.1" | "openapi-3.2";

/** OpenAPI 3.1 and 3.2 schemas are JSON Schema 2020-12; 3.0 and Swagger 2.0 are draft-04 with OpenAPI's own keywords. */
export function speaksJsonSchema2020(dialect: Dialect): boolean {
  return dialect === "openapi-3.1" || dialect === "openapi-3.2";
}

/** The methods a path item names as fields (`query` since 3.2); any other method comes from 3.2's `additionalOperations`. */
export type HttpMethod =
  "get" | "put" | "post" | "delete" | "options" | "head" | "patch" | "trace" | "query" | (string & {});
export const HTTP_METHODS: readonly HttpMethod[] = [
  "get",
  "put",
  "post",
  "delete",
  "options",
  "head",
  "patch",
  "trace",
];

/**
 * A schema of the contract: either a JSON pointer into `Contract.document` (the usual case), or an
 * inline schema built by the loader (Swagger 2.0 non-body parameters, form bodies) whose own `$ref`s,
 * if any, are JSON pointers into the same document.
 */
export type SchemaRef = { pointer: string } | { inline: JsonSchema };
export type JsonSchema = Record<string, unknown> | boolean;

export type ParameterLocation = "path" | "query" | "header" | "cookie";
export type ParameterStyle = "matrix" | "label" | "form" | "simple" | "spaceDelimited" | "pipeDelimited" | "deepObject";

export interface Parameter {
  name: string;
  in: ParameterLocation;
  required: boolean;
  style: ParameterStyle;
  explode: boolean;
  /** The parameter's schema, dereferenced one level so its `type` can drive coercion. */
  schema: SchemaRef;
  /** `type` of the (resolved) schema, or undefined when it has none: decides how raw strings are coerced. */
  shape: ValueShape;
  /** When the parameter uses `content` instead of `schema` (e.g. JSON in a query string). */
  contentMediaType?: string;
  deprecated?: boolean;
}

/** What a parameter's value looks like once deserialised: decides how its raw string is split and coerced. */
export interface ValueShape {
  type: "string" | "number" | "integer" | "boolean" | "array" | "object" | "null" | "any";
  items?: ValueShape;
  properties?: Record<string, ValueShape>;
  /**
   * Set when the schema allows values of several types (`anyOf: [{ type: integer }, { enum: ["now"] }]`,
   * `type: [boolean, string]`): all of them. `type` then names the structure (object or array) if one
   * branch has it, else `any`; a raw string is coerced to the first of these types it reads as.
   */
  union?: Array<ValueShape["type"]>;
}

export interface MediaType {
  schema?: SchemaRef;
  /** OpenAPI 3.2: the schema of each item of a sequential media type (JSON Lines, JSON Text Sequences, Server-Sent Events). */
  itemSchema?: SchemaRef;
  /** Named examples (OpenAPI 3 `examples`, values already resolved: `value`, 3.2's `dataValue`, a parsed `serializedValue` or a read `externalValue`). */
  examples: Record<string, unknown>;
  /** The single `example` of the media type, if any. */
  example?: unknown;
  hasExample: boolean;
}

export interface RequestBody {
  required: boolean;
  content: Record<string, MediaType>;
}

export interface ResponseHeader {
  name: string;
  required: boolean;
  schema?: SchemaRef;
  /** The header object's own `example`, or the value of its first `examples` entry (OpenAPI 3). */
  example?: unknown;
}

export interface ResponseSpec {
  /** `200`, `2XX` or `default`. */
  status: string;
  description: string;
  headers: ResponseHeader[];
  content: Record<string, MediaType>;
}

export type SecurityScheme =
  | { type: "apiKey"; name: string; in: "query" | "header" | "cookie" }
  | { type: "http"; scheme: string }
  | { type: "oauth2" | "openIdConnect" | "mutualTLS" | "unknown" };

/** OR of ANDs: the request passes when every scheme of one requirement is present. Empty: no security. */
export type SecurityRequirement = string[];

export interface SourcePlace {
  file: string;
  /** JSON pointer of the operation in its document, e.g. `#/paths/~1pets/get`. */
  pointer: string;
}

export interface Operation {
  operationId: string;
  /** True when the contract gave no operationId and mockpact derived one from method and path. */
  derivedId: boolean;
  method: HttpMethod;
  /** Path template as written in the contract, without the base path, e.g. `/pets/{petId}`. */
  path: string;
  summary?: string;
  tags: string[];
  parameters: Parameter[];
  requestBody?: RequestBody;
  responses: ResponseSpec[];
  security: SecurityRequirement[];
  source: SourcePlace;
  deprecated: boolean;
  /** OpenAPI 3 `callbacks`: the requests the provider makes back once it has answered this operation. */
  callbacks?: Callback[];
}

/**
 * A request the provider makes on its own: one operation of an OpenAPI 3 callback (keyed by a
 * runtime expression, `{$request.body#/callbackUrl}`), or of a 3.1+ webhook (no URL: the caller says where).
 */
export interface Callback {
  /** The callback's name in its operation (`onPaid`), or the webhook's name. */
  name: string;
  /** The callback's key as written: a URL with runtime expressions; `""` for a webhook. */
  url: string;
  /** Method, parameters, request body and the documented responses of the call. */
  operation: Operation;
}

export interface ContractWarning {
  /** One of errors.ts's warning codes; SCHEMA_COMPILE where a schema the mock skips is an error to `mockpact lint`. */
  code: WarningCode | "SCHEMA_COMPILE";
  message: string;
  file: string;
  pointer?: string;
}

export interface Contract {
  /** File name without folder, unique within one server. */
  id: string;
  file: string;
  title: string;
  version: string;
  dialect: Dialect;
  /** Base paths from `servers` (3.x) or `basePath` (2.0); `""` when none. Served with and without. */
  basePaths: string[];
  operations: Operation[];
  securitySchemes: Record<string, SecurityScheme>;
  /** OpenAPI 3.1+ `webhooks`, fired on request through the admin API. */
  webhooks?: Callback[];
  /** The bundled document: every `SchemaRef.pointer` and every internal `$ref` resolves in it. */
  document: Record<string, unknown>;
  warnings: ContractWarning[];
  /**
   * Set when no object of the document can have a key that identifies a schema (`$id`, `$anchor`,
   * `$dynamicAnchor`, or mockpact's own id key): the schema registry then spares its own walk of the
   * document looking for them. Unset means it may.
   */
  noSchemaIdentifiers?: true;
}

import type {
  Callback,
  HttpMethod,
  Operation,
  Parameter,
  RequestBody,
  ResponseSpec,
  SecurityRequirement,
  SourcePlace,
} from "./model.js";

/** What routing, the start-up listing and the id rules read: taken from the document at load. */
export interface OperationHead {
  operationId: string;
  derivedId: boolean;
  method: HttpMethod;
  path: string;
  summary?: string;
  tags: string[];
  security: SecurityRequirement[];
  source: SourcePlace;
  deprecated: boolean;
}

/** The parts that take reading parameters, request body and responses (examples and all) out of the document. */
export interface OperationParts {
  parameters: Parameter[];
  requestBody?: RequestBody;
  responses: ResponseSpec[];
}

/** A response as far as HTTP carries it (status key, header names, media types), read without the rest. */
export interface ResponseOutline {
  status: string;
  headerNames: string[];
  mediaTypes: string[];
}

/**
 * An operation whose parameters, request body and responses are read from the document the first
 * time anything asks for them (a request routed to it, the example check, a fixture), then kept: a
 * contract of thousands of operations answers its first request without building them all.
 */
export class LazyOperation implements Operation {
  operationId: string;
  derivedId: boolean;
  method: HttpMethod;
  path: string;
  summary?: string;
  tags: string[];
  security: SecurityRequirement[];
  source: SourcePlace;
  deprecated: boolean;
  callbacks?: Callback[];
  #parts: OperationParts | undefined;
  readonly #read: () => OperationParts;
  readonly #outline: () => ResponseOutline[];

  constructor(head: OperationHead, read: () => OperationParts, outline: () => ResponseOutline[]) {
    this.operationId = head.operationId;
    this.derivedId = head.derivedId;
    this.method = head.method;
    this.path = head.path;
    this.summary = head.summary;
    this.tags = head.tags;
    this.security = head.security;
    this.source = head.source;
    this.deprecated = head.deprecated;
    this.#read = read;
    this.#outline = outline;
  }

  get parameters(): Parameter[] {
    return this.#partsRead().parameters;
  }

  get requestBody(): RequestBody | undefined {
    return this.#partsRead().requestBody;
  }

  get responses(): ResponseSpec[] {
    return this.#partsRead().responses;
  }

  /** The responses' outline, from the document: what the load-time check of what HTTP can carry reads. */
  responseOutline(): ResponseOutline[] {
    if (this.#parts) return outlineOfModel(this.#parts.responses);
    return this.#outline();
  }

  #partsRead(): OperationParts {
    return (this.#parts ??= this.#read());
  }
}

/** The outline of any operation: read from the document where it is lazy, from its model otherwise. */
export function responseOutlineOf(operation: Operation): ResponseOutline[] {
  return operation instanceof LazyOperation ? operation.responseOutline() : outlineOfModel(operation.responses);
}

function outlineOfModel(responses: ResponseSpec[]): ResponseOutline[] {
  return responses.map((r) => ({
    status: r.status,
    headerNames: r.headers.map((h) => h.name),
    mediaTypes: Object.keys(r.content),
  }));
}

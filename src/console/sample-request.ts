import type { Contract, MediaType, Operation, Parameter, SchemaRef, SecurityScheme } from "../contract/model.js";
import { getAtPointer, isObject, resolveLocal } from "../contract/pointer.js";
import { exampleCandidates, schemaExample } from "../fake/examples.js";
import { fakeValue, seedFrom } from "../fake/index.js";

/**
 * A request built from the contract, for the console's "try it" form: the served path with its
 * parameters filled (the contract's examples first, else a seeded fake), the required query
 * parameters, a credential of the operation's first security requirement (the mock checks only
 * that one is there), and the request body's first example. The user edits it before sending.
 */
export interface SampleRequest {
  path: string;
  headers: Record<string, string>;
  body?: unknown;
  mediaType?: string;
}

/** `servedPath`: the template as the router serves it (base path included). */
export function sampleRequest(
  contract: Contract,
  operation: Operation,
  servedPath = `${contract.basePaths[0] ?? ""}${operation.path}`,
): SampleRequest {
  const headers: Record<string, string> = {};
  const query = new URLSearchParams();
  let path = servedPath;
  for (const parameter of operation.parameters) {
    if (parameter.in === "path")
      path = path.replace(
        `{${parameter.name}}`,
        encodeURIComponent(String(parameterValue(contract, operation, parameter))),
      );
    else if (parameter.required && parameter.in === "query")
      query.append(parameter.name, String(parameterValue(contract, operation, parameter)));
    else if (parameter.required && parameter.in === "header")
      headers[parameter.name] = String(parameterValue(contract, operation, parameter));
  }
  addCredential(contract, operation, headers, query);
  const queryText = query.toString();
  return { path: queryText ? `${path}?${queryText}` : path, headers, ...sampleBody(contract, operation) };
}

/** The parameter's own `example` (or first `examples`), else its schema's, else a seeded fake. */
function parameterValue(contract: Contract, operation: Operation, parameter: Parameter): unknown {
  const raw = rawParameter(contract, operation, parameter);
  if (raw && "example" in raw) return raw.example;
  const named = isObject(raw?.examples) ? Object.values(raw.examples).find(isObject) : undefined;
  if (named && "value" in named) return named.value;
  const fromSchema = schemaExample(contract.document, parameter.schema);
  if (fromSchema) return fromSchema.value;
  return fake(contract, operation, parameter.schema, parameter.name) ?? parameter.name;
}

/** The parameter object as written, from the operation's or the path item's `parameters`. */
function rawParameter(
  contract: Contract,
  operation: Operation,
  parameter: Parameter,
): Record<string, unknown> | undefined {
  const pointer = operation.source.pointer.replace(/^#/, "");
  const pathItemPointer = pointer.slice(0, pointer.lastIndexOf("/"));
  for (const owner of [pointer, pathItemPointer]) {
    const list = getAtPointer(contract.document, owner === "" ? "" : `#${owner}`);
    const parameters = isObject(list) && Array.isArray(list.parameters) ? list.parameters : [];
    for (const item of parameters) {
      const resolved = resolveLocal(contract.document, item, "")?.value;
      if (isObject(resolved) && resolved.name === parameter.name && resolved.in === parameter.in) return resolved;
    }
  }
  return undefined;
}

function addCredential(
  contract: Contract,
  operation: Operation,
  headers: Record<string, string>,
  query: URLSearchParams,
): void {
  for (const name of operation.security[0] ?? []) {
    const scheme: SecurityScheme | undefined = contract.securitySchemes[name];
    if (scheme?.type === "apiKey" && scheme.in === "header") headers[scheme.name] = "console-key";
    else if (scheme?.type === "apiKey" && scheme.in === "query") query.append(scheme.name, "console-key");
    else if (scheme?.type === "apiKey") headers.Cookie = `${scheme.name}=console-key`;
    else if (scheme?.type === "http" && scheme.scheme.toLowerCase() === "basic")
      headers.Authorization = "Basic Y29uc29sZTpjb25zb2xl";
    else if (scheme?.type === "http" || scheme?.type === "oauth2" || scheme?.type === "openIdConnect")
      headers.Authorization = "Bearer console-token";
  }
}

/** The first media type's first example, else a fake; forms as `a=1&b=2`; other media types get none. */
function sampleBody(contract: Contract, operation: Operation): Pick<SampleRequest, "body" | "mediaType"> {
  const first = Object.entries(operation.requestBody?.content ?? {})[0];
  if (!first) return {};
  const [mediaType, media] = first;
  const value = exampleCandidates(contract.document, media)[0]?.value ?? bodyFake(contract, operation, media);
  if (/json/i.test(mediaType)) return { mediaType, body: value };
  if (/x-www-form-urlencoded/i.test(mediaType) && isObject(value)) return { mediaType, body: formText(value) };
  return { mediaType };
}

function bodyFake(contract: Contract, operation: Operation, media: MediaType): unknown {
  return media.schema ? fake(contract, operation, media.schema, "body") : undefined;
}

function fake(contract: Contract, operation: Operation, ref: SchemaRef, name: string): unknown {
  const schema = "pointer" in ref ? { $ref: ref.pointer } : ref.inline;
  try {
    return fakeValue(contract.document, schema, {
      seed: seedFrom(1, operation.operationId, name),
      direction: "request",
      dialect: contract.dialect,
    });
  } catch {
    return undefined; // a schema nothing can be faked for: the user fills the field in
  }
}

function formText(value: Record<string, unknown>): string {
  const form = new URLSearchParams();
  for (const [name, item] of Object.entries(value))
    form.append(name, typeof item === "object" ? JSON.stringify(item) : String(item));
  return form.toString();
}

import { isObject } from "../contract/pointer.js";
import { MockpactError } from "../errors.js";
import { parseQuery } from "../http/params.js";
import type {
  PactHeaders,
  PactHttpInteraction,
  PactHttpRequest,
  PactHttpResponse,
  PactQuery,
} from "./http-interaction.js";
import { readMatchingRules } from "./matching/rules.js";
import { readBody } from "./read-body.js";

export interface HttpInteractions {
  interactions: PactHttpInteraction[];
  /** Interactions of other kinds (V4 messages, plugins): neither checked nor served. */
  skipped: number;
}

/**
 * The HTTP interactions of a parsed pact document. An interaction without a `request` or `response`
 * object is an error naming the file and the interaction, not a silent skip: compat would
 * otherwise pass a pact it never checked.
 */
export function readHttpInteractions(
  doc: Record<string, unknown>,
  source: string,
  specVersion: string,
): HttpInteractions {
  const major = Number(specVersion.split(".")[0]) || 1;
  const list = Array.isArray(doc.interactions) ? doc.interactions : [];
  const interactions: PactHttpInteraction[] = [];
  let skipped = Array.isArray(doc.messages) ? doc.messages.length : 0;
  list.forEach((raw, index) => {
    const pointer = `/interactions/${index}`;
    if (!isObject(raw)) throw invalid(source, pointer, "is not a JSON object");
    if (typeof raw.type === "string" && raw.type !== "Synchronous/HTTP") return void skipped++;
    const description = typeof raw.description === "string" ? raw.description : `interaction ${index}`;
    if (!isObject(raw.request)) throw invalid(source, pointer, `("${description}") has no request object`);
    if (!isObject(raw.response)) throw invalid(source, pointer, `("${description}") has no response object`);
    interactions.push({
      index,
      pointer,
      description,
      states: statesOf(raw),
      request: requestOf(raw.request, `${pointer}/request`, major, specVersion),
      response: responseOf(raw.response, `${pointer}/response`, major),
    });
  });
  return { interactions, skipped };
}

function requestOf(raw: Record<string, unknown>, pointer: string, major: number, specVersion: string): PactHttpRequest {
  const headers = headersOf(raw.headers);
  return {
    method: typeof raw.method === "string" ? raw.method.toUpperCase() : "GET",
    path: typeof raw.path === "string" ? raw.path : "/",
    query: queryOf(raw.query, specVersion),
    headers,
    body: readBody(raw, `${pointer}/body`, headers, major),
    rules: readMatchingRules(raw.matchingRules),
  };
}

function responseOf(raw: Record<string, unknown>, pointer: string, major: number): PactHttpResponse {
  const headers = headersOf(raw.headers);
  const status = Number(raw.status ?? 200);
  return {
    status: Number.isInteger(status) ? status : 200,
    headers,
    body: readBody(raw, `${pointer}/body`, headers, major),
    rules: readMatchingRules(raw.matchingRules),
  };
}

export function headersOf(raw: unknown): PactHeaders {
  const headers: PactHeaders = new Map();
  if (!isObject(raw)) return headers;
  for (const [name, value] of Object.entries(raw)) {
    const text = Array.isArray(value) ? value.map(String).join(", ") : String(value ?? "");
    headers.set(name.toLowerCase(), { name, value: text });
  }
  return headers;
}

/** V1 and V2 write the query as a string, V3 and V4 as a map of name to values (or to one value). */
export function queryOf(raw: unknown, specVersion = "3"): PactQuery | undefined {
  if (typeof raw === "string")
    return { values: parseQuery(raw), raw: specVersion.startsWith("1.0") || specVersion === "1" ? raw : undefined };
  if (!isObject(raw)) return undefined;
  const values = new Map<string, string[]>();
  for (const [name, value] of Object.entries(raw))
    values.set(
      name,
      (Array.isArray(value) ? value : [value]).map((v) => String(v ?? "")),
    );
  return { values };
}

function statesOf(raw: Record<string, unknown>): PactHttpInteraction["states"] {
  if (typeof raw.providerState === "string") return [{ name: raw.providerState, params: {} }];
  if (typeof raw.provider_state === "string") return [{ name: raw.provider_state, params: {} }];
  const states = Array.isArray(raw.providerStates) ? raw.providerStates.filter(isObject) : [];
  return states.map((s) => ({ name: String(s.name ?? ""), params: isObject(s.params) ? s.params : {} }));
}

function invalid(source: string, pointer: string, why: string): MockpactError {
  return new MockpactError("PACT_INVALID", `Failed to read the pact ${source}: the interaction at ${pointer} ${why}`, {
    hint: "Each interaction of an HTTP pact has a request (method, path) and a response (status); regenerate the pact with a Pact consumer library.",
    place: { file: source, pointer },
  });
}

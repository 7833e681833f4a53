import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

process.env.PACT_DO_NOT_TRACK = "true";
const require = createRequire(import.meta.url);

type Ffi = ReturnType<typeof import("@pact-foundation/pact-core").getFfiLib>;
type Json = Record<string, unknown>;

const SPEC: Record<string, number> = { "1": 1, "1.1": 2, "2": 3, "3": 4, "4": 5 };
const REQUEST = 0;
const RESPONSE = 1;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

export interface CoreMockServer {
  url: string;
  close(): void;
}

/**
 * Pact's own mock server (the Rust core, in this process) serving a pact file's HTTP interactions.
 * The core's Node binding cannot load a pact file into a mock server, so the file's interactions are
 * handed to it through the consumer calls Pact JS itself makes (method, path, query, headers, bodies,
 * matching rules, status), as written. A V1-V3 body under a binary media type is base64 text that the
 * core decodes when it reads a pact file (test/verify/side-by-side shows its verifier doing so): it is
 * given as those bytes.
 */
export function startCoreMockServer(file: string): CoreMockServer {
  const ffi = (require("@pact-foundation/pact-core") as { getFfiLib(level: string): Ffi }).getFfiLib("error");
  const doc = JSON.parse(readFileSync(file, "utf8")) as Json;
  const meta =
    isObject(doc.metadata) && isObject(doc.metadata.pactSpecification)
      ? String(doc.metadata.pactSpecification.version)
      : "1";
  const major = meta.startsWith("1.1") ? "1.1" : meta.split(".")[0]!;
  const pact = ffi.pactffiNewPact(String((doc.consumer as Json).name), String((doc.provider as Json).name));
  ffi.pactffiWithSpecification(pact, SPEC[major] as 0);
  for (const raw of (doc.interactions as Json[]) ?? []) {
    if (typeof raw.type === "string" && raw.type !== "Synchronous/HTTP") continue;
    const i = ffi.pactffiNewInteraction(pact, String(raw.description));
    for (const state of (raw.providerStates as Json[]) ?? [])
      ffi.pactffiGivenWithParams(i, String(state.name), JSON.stringify(state.params ?? {}));
    if (typeof raw.providerState === "string") ffi.pactffiGiven(i, raw.providerState);
    const request = raw.request as Json;
    ffi.pactffiWithRequest(i, String(request.method ?? "GET"), String(request.path ?? "/"));
    for (const [name, values] of queryOf(request.query))
      values.forEach((value, index) => ffi.pactffiWithQueryParameter(i, name, index, value));
    addPart(ffi, i, REQUEST, request, Number(major));
    const response = raw.response as Json;
    ffi.pactffiResponseStatus(i, String(response.status ?? 200));
    addPart(ffi, i, RESPONSE, response, Number(major));
  }
  const port = ffi.pactffiCreateMockServerForTransport(pact, "127.0.0.1", 0, "http", "");
  if (port <= 0) throw new Error(`Pact's mock server did not start (${port})`);
  return { url: `http://127.0.0.1:${port}`, close: () => void ffi.pactffiCleanupMockServer(port) };
}

function addPart(ffi: Ffi, i: number, part: 0 | 1, raw: Json, major: number): void {
  const headers = isObject(raw.headers) ? raw.headers : {};
  for (const [name, value] of Object.entries(headers))
    (Array.isArray(value) ? value : [value]).forEach((v, index) =>
      ffi.pactffiWithHeader(i, part, name, index, String(v)),
    );
  const contentType = Object.entries(headers).find(([k]) => k.toLowerCase() === "content-type")?.[1];
  const body = raw.body;
  if (body !== undefined && body !== null) {
    if (major >= 4 && isObject(body)) {
      const type = String(body.contentType ?? contentType ?? "application/json");
      if (body.encoded === "base64") setBytes(ffi, i, part, type, Buffer.from(String(body.content), "base64"));
      else
        ffi.pactffiWithBody(
          i,
          part,
          type,
          typeof body.content === "string"
            ? body.content
            : JSON.stringify(withGenerators(body.content, raw.generators)),
        );
    } else if (typeof body === "string" && contentType && !/json|xml|text|form|javascript/i.test(String(contentType))) {
      setBytes(ffi, i, part, String(contentType), Buffer.from(body, "base64"));
    } else
      ffi.pactffiWithBody(
        i,
        part,
        String(contentType ?? (typeof body === "string" ? "text/plain" : "application/json")),
        typeof body === "string" ? body : JSON.stringify(body),
      );
  }
  if (isObject(raw.matchingRules)) ffi.pactffiWithMatchingRules(i, part, JSON.stringify(raw.matchingRules));
}

/**
 * The consumer calls take generators inside a JSON body (Pact's "integration format"), not as a
 * pact file's `generators` map: a generator on a top-level key (`$.id`) is written there.
 */
function withGenerators(content: unknown, generators: unknown): unknown {
  const body = isObject(generators) && isObject(generators.body) ? generators.body : {};
  if (!isObject(content) || Object.keys(body).length === 0) return content;
  const out: Json = { ...content };
  for (const [path, generator] of Object.entries(body)) {
    const key = /^\$\.(\w+)$/.exec(path)?.[1];
    if (!key || !isObject(generator) || !(key in out)) continue;
    const { type, ...params } = generator;
    out[key] = { "pact:matcher:type": "type", "pact:generator:type": type, ...params, value: out[key] };
  }
  return out;
}

function setBytes(ffi: Ffi, i: number, part: 0 | 1, type: string, bytes: Buffer): void {
  ffi.pactffiWithBinaryFile(i, part, type, bytes, bytes.length);
}

function queryOf(raw: unknown): Array<[string, string[]]> {
  if (typeof raw === "string") {
    const out = new Map<string, string[]>();
    for (const [k, v] of new URLSearchParams(raw)) out.set(k, [...(out.get(k) ?? []), v]);
    return [...out];
  }
  return isObject(raw) ? Object.entries(raw).map(([k, v]) => [k, (Array.isArray(v) ? v : [v]).map(String)]) : [];
}

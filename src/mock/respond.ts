import type { MediaType, ResponseSpec } from "../contract/model.js";
import { buildValue, isValid, type BuildContext } from "./build.js";
import { paramEcho } from "./echo-params.js";
import { buildHeaderValue } from "./header-values.js";
import { isJsonMediaType, negotiateMediaType } from "../http/media-type.js";
import type { MockPreferences } from "../http/prefer.js";
import { sequenceKindOf, type SequenceKind } from "../http/sequential.js";
import { buildSequence } from "./build-sequence.js";
import { problem, problemResponse } from "../http/problem.js";
import { isMockpactError } from "../errors.js";
import type { HttpResponse } from "../http/types.js";

export const WARNING_HEADER = "mockpact-warning";

/** A generated answer, and what its body came from: the request log says example or fake. */
export interface BuiltResponse extends HttpResponse {
  builtFrom?: "example" | "fake";
  /** The body with the request's path parameters echoed, where that changes it and fits the schema. */
  echo?: (pathParams: Record<string, string>) => string | undefined;
}

export interface RespondInput {
  status: number;
  spec: ResponseSpec;
  accept: string | undefined;
  preferences: MockPreferences;
  dynamic: boolean;
  /** Identifies the request for dynamic fakes: same request, same bytes. */
  requestKey: string;
  headOnly: boolean;
  /** Plan the echo of path parameters into the body (`echoParams`); the contract's answers only. */
  echoParams?: boolean;
}

/**
 * Steps 4 and 5 for one chosen response: negotiate the media type (406 when nothing fits), build the
 * body and the documented headers. Static answers are cached by the caller; this is the slow path.
 * An error answer (4xx, 5xx) is never turned into a 406: a client sending `Accept: application/json`
 * still gets the 404 problem+json the contract documents, in its documented media type.
 */
export function respond(ctx: BuildContext, input: RespondInput): BuiltResponse {
  const available = Object.keys(input.spec.content);
  const negotiated = negotiateMediaType(input.accept, available);
  if (negotiated === null && input.status < 400)
    return problemResponse(
      problem("not-acceptable", `Accept "${input.accept}" matches none of ${available.join(", ")}`),
    );
  const mediaKey = negotiated ?? available[0];
  const headers = documentedHeaders(ctx, input.spec);
  if (mediaKey === undefined || noBodyStatus(input.status))
    return { status: input.status, headers, body: input.headOnly ? undefined : "" };
  const media = input.spec.content[mediaKey] as MediaType;
  const sequence = media.itemSchema && !media.schema ? sequenceKindOf(mediaKey) : undefined;
  if (sequence) return sequenceResponse(ctx, input, mediaKey, media, sequence, headers);
  const built = buildValue(ctx, input.spec, mediaKey, media, {
    example: input.preferences.example,
    dynamic: input.dynamic,
    requestKey: input.requestKey,
  });
  if (built.warning) headers[WARNING_HEADER] = built.warning.replace(/[^\x20-\x7e]/g, "?");
  const { contentType, body } = serialise(mediaKey, built.value);
  headers["content-type"] = contentType;
  // A named example the client asked for (Prefer: example=, ?__example=) is answered as written, as Prism does.
  const echo =
    input.echoParams &&
    input.preferences.example === undefined &&
    !input.headOnly &&
    built.source &&
    !built.warning &&
    media.schema
      ? paramEcho(ctx.operation, built.value, (v) => isValid(ctx, media, v))
      : undefined;
  return {
    status: input.status,
    headers,
    body: input.headOnly ? undefined : body,
    ...(built.source ? { builtFrom: built.source.kind } : {}),
    ...(echo ? { echo: (pathParams: Record<string, string>) => serialiseEchoed(mediaKey, echo(pathParams)) } : {}),
  };
}

function sequenceResponse(
  ctx: BuildContext,
  input: RespondInput,
  mediaKey: string,
  media: MediaType,
  kind: SequenceKind,
  headers: Record<string, string>,
): HttpResponse {
  const built = buildSequence(ctx, input.spec, mediaKey, media, kind, {
    example: input.preferences.example,
    dynamic: input.dynamic,
    requestKey: input.requestKey,
  });
  if (built.warning) headers[WARNING_HEADER] = built.warning.replace(/[^\x20-\x7e]/g, "?");
  headers["content-type"] = mediaKey;
  return { status: input.status, headers, body: input.headOnly ? undefined : built.body };
}

function serialiseEchoed(mediaKey: string, value: unknown): string | undefined {
  return value === undefined ? undefined : serialise(mediaKey, value).body;
}

function noBodyStatus(status: number): boolean {
  return status === 204 || status === 304 || (status >= 100 && status < 200);
}

/** The response headers the contract documents (framing ones aside: see buildHeaderValue), each from its example or a seeded fake. */
export function documentedHeaders(ctx: BuildContext, spec: ResponseSpec): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const header of spec.headers) {
    const value = buildHeaderValue(ctx, spec, header.name);
    if (value !== undefined) headers[header.name.toLowerCase()] = value;
  }
  return headers;
}

/** JSON for JSON-ish media types and wildcards; a string value as text for the rest. */
export function serialise(mediaKey: string, value: unknown): { contentType: string; body: string } {
  const wildcard = mediaKey.includes("*");
  if (typeof value === "string" && !isJsonMediaType(mediaKey))
    return { contentType: wildcard ? "text/plain" : mediaKey, body: value };
  return {
    contentType: wildcard ? "application/json" : mediaKey,
    body: value === undefined ? "" : JSON.stringify(value),
  };
}

/** Seconds a client is asked to wait when the shared store is lost: it reconnects at least this often. */
export const STORE_RETRY_AFTER = "2";

/** An error of the core as problem+json: a lost store is a 503 to retry, anything else the mock's 500. */
export function mockErrorResponse(error: Error): HttpResponse {
  if (isMockpactError(error) && error.code === "STORE_UNAVAILABLE")
    return problemResponse(problem("store-unavailable", error.message), { "retry-after": STORE_RETRY_AFTER });
  return problemResponse(problem("mock-error", error.message));
}

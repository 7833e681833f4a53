import type { Violation } from "../schema/violation.js";
import type { SchemaRegistry } from "../schema/registry.js";
import { parseCookieHeader } from "./cookies.js";
import { isReadableMediaType, matchRequestMediaType } from "./media-type.js";
import type { RouteMatch, RouteTarget } from "./router.js";
import { credentialViolations, missingCredentials } from "./security.js";
import type { HttpRequest } from "./types.js";
import { firstValue, splitUrl } from "./url.js";
import { validateRequest, type RequestVerdict } from "./validate-request.js";

/** What checking a request needs besides the request: its route, and the limits of body parsing. */
export interface RequestCheckInput {
  match: RouteMatch;
  request: HttpRequest;
  /** A body is there but was not read (nothing in it needed checking): its content is not judged. */
  streamed: boolean;
  maxJsonDepth: number;
}

/**
 * Does checking this request need its body's bytes? Only for a media type the engine reads (JSON,
 * forms, text) whose schema is declared; anything else (files, no schema) can stream on unread.
 */
export function requestBodyNeeded(target: RouteTarget | undefined, contentType: string | undefined): boolean {
  const spec = target?.operation.requestBody;
  if (!spec) return false;
  const mediaKey = matchRequestMediaType(contentType, Object.keys(spec.content));
  return mediaKey !== undefined && spec.content[mediaKey]?.schema !== undefined && isReadableMediaType(contentType);
}

/**
 * The mock's steps 1-3 as findings instead of answers: route, credentials present, parameters and
 * body. Used where a request is judged but not answered from the contract (the proxy, compat).
 */
export async function checkRequest(
  registryOf: (target: RouteTarget) => SchemaRegistry,
  input: RequestCheckInput,
): Promise<Violation[]> {
  const { match, request, streamed } = input;
  const method = request.method.toUpperCase();
  const { pathname, queryText } = splitUrl(request.url);
  if (match.kind === "not-found")
    return [
      {
        in: "path",
        where: pathname,
        keyword: "operation",
        message: `no operation of the contract matches ${method} ${pathname}`,
      },
    ];
  if (match.kind === "method-not-allowed")
    return [
      {
        in: "path",
        where: pathname,
        keyword: "method",
        message: `${pathname} allows ${match.allow.join(", ")}, not ${method}`,
      },
    ];
  const { contract, operation } = match.target;
  const headers = request.headers;
  const cookies = parseCookieHeader(firstValue(headers.cookie));
  const violations: Violation[] = [];
  const challenges = missingCredentials(contract, operation, { headers, queryText, cookies });
  if (challenges) violations.push(...credentialViolations(contract, operation));
  const pathParams = encodePathParams(match.pathParams);
  const contentType = firstValue(headers["content-type"]);
  const verdict = await validateRequest(registryOf(match.target), operation, {
    parts: { pathParams, query: queryText, headers, cookies },
    contentType,
    body: streamed ? undefined : request.body,
    maxJsonDepth: input.maxJsonDepth,
  });
  violations.push(...verdictViolations(verdict, streamed));
  if (streamed) violations.push(...streamedMediaType(match.target, contentType));
  return violations;
}

function verdictViolations(verdict: RequestVerdict, streamed: boolean): Violation[] {
  if (verdict.kind === "unsupported-media-type") return [mediaTypeViolation(verdict.contentType, verdict.declared)];
  if (verdict.kind !== "invalid") return [];
  // A streamed body was not shown to the validator, which then calls a required body missing.
  return streamed
    ? verdict.violations.filter((v) => !(v.in === "body" && v.keyword === "required"))
    : verdict.violations;
}

/** The router hands path parameters decoded; the parameter reader expects them as sent. */
export function encodePathParams(params: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name in params) out[name] = encodeURIComponent(params[name]!);
  return out;
}

/** A streamed body was not shown to validateRequest, so its media type is checked here. */
function streamedMediaType(target: RouteTarget, contentType: string | undefined): Violation[] {
  const declared = Object.keys(target.operation.requestBody?.content ?? {});
  if (declared.length === 0 || matchRequestMediaType(contentType, declared) !== undefined) return [];
  return [mediaTypeViolation(contentType ?? "(none)", declared)];
}

function mediaTypeViolation(contentType: string, declared: string[]): Violation {
  return {
    in: "header",
    where: "content-type",
    keyword: "mediaType",
    message: mediaTypeMessage(contentType, declared),
  };
}

/** Why a request's media type is refused: not one of those declared, or a body where the operation declares none. */
export function mediaTypeMessage(contentType: string, declared: string[]): string {
  if (declared.length === 0)
    return `the operation declares no request body, yet one was sent (Content-Type ${contentType})`;
  return `Content-Type ${contentType} is not one of ${declared.join(", ")}`;
}

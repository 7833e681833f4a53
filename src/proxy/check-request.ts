import type { MockCore } from "../mock/core.js";
import { matchRequestMediaType, parseMediaType } from "../mock/media-type.js";
import { parseCookieHeader } from "../mock/params.js";
import type { RouteMatch, RouteTarget } from "../mock/router.js";
import { missingCredentials } from "../mock/security.js";
import type { MockRequest } from "../mock/types.js";
import { validateRequest } from "../mock/validate-request.js";
import type { Violation } from "../schema/violation.js";

/** The request's path without its query. */
export function pathOf(url: string): string {
  const q = url.indexOf("?");
  return q < 0 ? url : url.slice(0, q);
}

/**
 * Does checking this request need its body's bytes? Only for a media type the mock parses (JSON,
 * forms, text) whose schema is declared; anything else (files, no schema) streams to the upstream.
 */
export function requestBodyNeeded(target: RouteTarget | undefined, contentType: string | undefined): boolean {
  const spec = target?.operation.requestBody;
  if (!spec) return false;
  const mediaKey = matchRequestMediaType(contentType, Object.keys(spec.content));
  if (mediaKey === undefined || !spec.content[mediaKey]?.schema) return false;
  const media = parseMediaType(contentType);
  return media !== undefined && (media.subtype === "json" || media.suffix === "json" || media.type === "text" || media.essence === "application/x-www-form-urlencoded" || media.essence === "multipart/form-data");
}

/**
 * The mock's steps 1-3 as findings instead of answers: route, credentials present, parameters and
 * body. `streamed` says a body is there but was not read (nothing in it needed checking).
 */
export async function checkRequest(core: MockCore, match: RouteMatch, request: MockRequest, streamed: boolean, maxJsonDepth: number): Promise<Violation[]> {
  const method = request.method.toUpperCase();
  const pathname = pathOf(request.url);
  if (match.kind === "not-found") return [{ in: "path", where: pathname, keyword: "operation", message: `no operation of the contract matches ${method} ${pathname}` }];
  if (match.kind === "method-not-allowed") return [{ in: "path", where: pathname, keyword: "method", message: `${pathname} allows ${match.allow.join(", ")}, not ${method}` }];
  const { contract, operation } = match.target;
  const headers = request.headers;
  const queryText = request.url.slice(pathname.length + 1);
  const cookies = parseCookieHeader(single(headers.cookie));
  const violations: Violation[] = [];
  const challenges = missingCredentials(contract, operation, { headers, queryText, cookies });
  if (challenges) violations.push({ in: "header", where: "authorization", keyword: "security", message: `${operation.operationId} needs credentials: ${challenges.join("; ")}` });
  const pathParams = Object.fromEntries(Object.entries(match.pathParams).map(([k, v]) => [k, encodeURIComponent(v)]));
  const contentType = single(headers["content-type"]);
  const verdict = await validateRequest(core.registryOf(contract), operation, { parts: { pathParams, query: queryText, headers, cookies }, contentType, body: streamed ? undefined : request.body, maxJsonDepth });
  if (verdict.kind === "unsupported-media-type") violations.push(mediaTypeViolation(verdict.contentType, verdict.declared));
  if (verdict.kind === "invalid") violations.push(...(streamed ? verdict.violations.filter((v) => !(v.in === "body" && v.keyword === "required")) : verdict.violations));
  if (streamed) violations.push(...streamedMediaType(match.target, contentType));
  return violations;
}

/** A streamed body was not shown to validateRequest, so its media type is checked here. */
function streamedMediaType(target: RouteTarget, contentType: string | undefined): Violation[] {
  const declared = Object.keys(target.operation.requestBody?.content ?? {});
  if (declared.length === 0 || matchRequestMediaType(contentType, declared) !== undefined) return [];
  return [mediaTypeViolation(contentType ?? "(none)", declared)];
}

function mediaTypeViolation(contentType: string, declared: string[]): Violation {
  return { in: "header", where: "content-type", keyword: "mediaType", message: `Content-Type ${contentType} is not one of ${declared.join(", ")}` };
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

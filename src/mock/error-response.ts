import type { MediaType } from "../contract/model.js";
import { buildValue, type BuildContext } from "./build.js";
import { documentedErrorResponse } from "../http/choose.js";
import { negotiateMediaType } from "../http/media-type.js";
import { VIOLATIONS_HEADER, problemResponse, violationsHeader, type Problem } from "../http/problem.js";
import { serialise } from "./respond.js";
import type { HttpResponse } from "../http/types.js";

/**
 * A 400/401/422 the mock produces. Where the operation documents that status, its media type is
 * used, and its body is the problem document when the documented schema accepts it, else the
 * documented example or a fake. The violations header is always there.
 */
export function errorResponse(
  ctx: BuildContext,
  p: Problem,
  accept: string | undefined,
  extraHeaders: Record<string, string> = {},
): HttpResponse {
  const spec = documentedErrorResponse(ctx.operation, p.status);
  const available = spec ? Object.keys(spec.content) : [];
  if (!spec || available.length === 0) return problemResponse(p, extraHeaders);
  const mediaKey = negotiateMediaType(accept, available) ?? available[0]!;
  const media = spec.content[mediaKey] as MediaType;
  const headers: Record<string, string> = { ...extraHeaders };
  if (p.violations && p.violations.length > 0) headers[VIOLATIONS_HEADER] = violationsHeader(p.violations);
  const value = acceptsProblem(ctx, media, p)
    ? p
    : buildValue(ctx, spec, mediaKey, media, { dynamic: false, requestKey: "" }).value;
  const { contentType, body } = serialise(mediaKey, value);
  return { status: p.status, headers: { ...headers, "content-type": contentType }, body };
}

function acceptsProblem(ctx: BuildContext, media: MediaType, p: Problem): boolean {
  if (!media.schema) return true;
  return ctx.registry.validator(media.schema)(p) === true;
}

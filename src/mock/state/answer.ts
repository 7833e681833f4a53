import { withoutWriteOnly } from "../../fake/examples.js";
import type { Violation } from "../../schema/violation.js";
import type { BuildContext } from "../build.js";
import { buildHeaderValue } from "../header-values.js";
import { chooseResponse } from "../../http/choose.js";
import { errorResponse } from "../error-response.js";
import { negotiateMediaType } from "../../http/media-type.js";
import { problem, problemResponse } from "../../http/problem.js";
import { respond, serialise, WARNING_HEADER } from "../respond.js";
import type { RequestView } from "../request-view.js";
import type { HttpResponse } from "../../http/types.js";
import { jsonAnswer, schemaNode } from "./shape.js";

/**
 * The operation's default (lowest 2xx) response carrying `value`: writeOnly properties removed,
 * documented headers built (`Location` pointing at the item), and a `Mockpact-Warning` should the
 * value break the documented schema. Undefined when the client accepts no JSON: the generated
 * answer then gives its 406.
 */
export function valueResponse(
  ctx: BuildContext,
  view: RequestView,
  value: unknown,
  location?: string,
): HttpResponse | undefined {
  const answer = jsonAnswer(ctx.operation);
  const chosen = chooseResponse(ctx.operation);
  if (!chosen) return undefined;
  const headers = documentedHeaders(ctx, chosen.spec, location);
  if (!answer || chosen.status === 204) return { status: chosen.status, headers, body: "" };
  if (typeof negotiateMediaType(view.header("accept"), [answer.mediaKey]) !== "string") return undefined;
  const body = withoutWriteOnly(ctx.contract.document, schemaNode(answer.media.schema), value);
  const violations = ctx.registry.validate(answer.media.schema, body, { direction: "response", in: "response.body" });
  if (violations.length > 0)
    headers[WARNING_HEADER] =
      `stateful answer breaks its schema: ${violations[0]!.where} ${violations[0]!.message}`.replace(
        /[^\x20-\x7e]/g,
        "?",
      );
  const { contentType, body: text } = serialise(answer.mediaKey, body);
  headers["content-type"] = contentType;
  return { status: chosen.status, headers, body: view.method === "HEAD" ? undefined : text };
}

function documentedHeaders(
  ctx: BuildContext,
  spec: NonNullable<ReturnType<typeof chooseResponse>>["spec"],
  location: string | undefined,
): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const header of spec.headers) {
    const name = header.name.toLowerCase();
    const value = name === "location" && location !== undefined ? location : buildHeaderValue(ctx, spec, header.name);
    if (value !== undefined) headers[name] = value;
  }
  return headers;
}

/** An absent item: the operation's documented 404 (its example, or a fake), else a problem+json 404. */
export function notFound(ctx: BuildContext, view: RequestView, id: string): HttpResponse {
  const chosen = ctx.operation.responses.some((r) => r.status === "404")
    ? chooseResponse(ctx.operation, 404)
    : undefined;
  if (chosen)
    return respond(ctx, {
      status: 404,
      spec: chosen.spec,
      accept: view.header("accept"),
      preferences: {},
      dynamic: false,
      requestKey: "",
      headOnly: view.method === "HEAD",
    });
  return problemResponse(problem("resource-not-found", `No item ${id} at ${view.pathname}`));
}

/** A write whose result would break the item schema: 422 (the documented one where there is), the store unchanged. */
export function unprocessable(ctx: BuildContext, view: RequestView, violations: Violation[]): HttpResponse {
  const p = problem(
    "invalid-body",
    `The ${ctx.operation.operationId} result would break its schema, so the mock's state is unchanged`,
    violations,
  );
  return errorResponse(ctx, p, view.header("accept"));
}

/** A write past the store's limits (`--state-max-items`, `--state-max-bytes`): 507, nothing kept. */
export function stateFull(limit: "items" | "bytes", value: number): HttpResponse {
  const what = limit === "items" ? `${value} items (--state-max-items)` : `${value} bytes of JSON (--state-max-bytes)`;
  return problemResponse(problem("state-full", `The mock's state holds its limit of ${what}; nothing was kept`));
}

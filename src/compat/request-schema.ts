import { getAtPointer, isObject, joinPointer, resolveLocal } from "../contract/pointer.js";
import { matchRequestMediaType } from "../http/media-type.js";
import { MAX_JSON_DEPTH } from "../http/body.js";
import { missingCredentials } from "../http/security.js";
import { validateRequest } from "../http/validate-request.js";
import type { Violation } from "../schema/violation.js";
import { findingAt, type InteractionContext } from "./context.js";
import type { CompatFinding } from "./finding.js";
import { queryText, type RequestInput } from "./request-input.js";
import { nodeOf, schemaAt } from "./schema-walk.js";

/**
 * Parameters and body through the mock's own request validator: what the mock (and so the
 * provider, as its contract says) would refuse, the consumer must not send. A Content-Type the
 * operation does not accept is reported on its own; the rest is then checked without the body.
 */
export async function schemaFindings(ctx: InteractionContext, input: RequestInput): Promise<CompatFinding[]> {
  const run = (withBody: boolean) =>
    validateRequest(ctx.registry, ctx.operation, {
      parts: input.parts,
      contentType: withBody ? input.contentType : undefined,
      body: withBody ? input.body : undefined,
      maxJsonDepth: MAX_JSON_DEPTH,
    });
  let verdict = await run(true);
  let skipBody = false;
  if (verdict.kind === "unsupported-media-type") {
    verdict = await run(false);
    skipBody = true;
  }
  if (verdict.kind !== "invalid") return [];
  return verdict.violations.filter((v) => !(skipBody && v.in === "body")).map((v) => violationFinding(ctx, input, v));
}

function violationFinding(ctx: InteractionContext, input: RequestInput, v: Violation): CompatFinding {
  const at = `${ctx.interaction.pointer}/request`;
  if (v.in === "body") {
    if (v.keyword === "required" && v.where === "")
      return findingAt(
        ctx,
        "request.body.missing",
        `${ctx.operation.operationId} requires a request body; the interaction sends none`,
        at,
        joinPointer(ctx.operation.source.pointer, "requestBody"),
      );
    const body = ctx.interaction.request.body;
    return findingAt(
      ctx,
      "request.body.incompatible",
      v.message,
      `${body.kind === "present" ? body.pointer : `${at}/body`}${v.where}`,
      bodySchemaPointer(ctx, input, v.where),
    );
  }
  const name = v.where.split("/")[0] ?? v.where;
  const rule =
    v.in === "path"
      ? "request.path.incompatible"
      : v.in === "query"
        ? "request.query.incompatible"
        : v.in === "header"
          ? "request.header.incompatible"
          : "request.cookie.incompatible";
  const part = v.in === "path" ? "path" : v.in === "query" ? `query/${name}` : `headers`;
  return findingAt(ctx, rule, v.message, `${at}/${part}`, parameterPointer(ctx, name, v.in));
}

/** The operation's (or its path's) parameter entry with this name and location. */
function parameterPointer(ctx: InteractionContext, name: string, location: string): string {
  const operation = ctx.operation.source.pointer;
  for (const base of [operation, operation.replace(/\/[^/]+$/, "")]) {
    const list = getAtPointer(ctx.contract.document, joinPointer(base, "parameters"));
    if (!Array.isArray(list)) continue;
    const index = list.findIndex((raw, i) => {
      const p = resolveLocal(ctx.contract.document, raw, joinPointer(base, "parameters", i))?.value;
      return isObject(p) && p.name === name && p.in === location;
    });
    if (index >= 0) return joinPointer(base, "parameters", index);
  }
  return operation;
}

function bodySchemaPointer(ctx: InteractionContext, input: RequestInput, where: string): string {
  const content = ctx.operation.requestBody?.content ?? {};
  const media = content[matchRequestMediaType(input.contentType, Object.keys(content)) ?? ""];
  const root = nodeOf(ctx.contract.document, media?.schema);
  return schemaAt(ctx.contract.document, root, where)?.pointer ?? root?.pointer ?? ctx.operation.source.pointer;
}

/** The operation's security, as the mock checks it: some requirement's credentials are all present. */
export function securityFindings(ctx: InteractionContext, input: RequestInput): CompatFinding[] {
  const challenges = missingCredentials(ctx.contract, ctx.operation, {
    headers: input.parts.headers,
    queryText: queryText(ctx.interaction.request),
    cookies: input.parts.cookies,
  });
  if (!challenges) return [];
  const wanted = ctx.operation.security.map((r) => r.join(" + ")).join(" or ");
  return [
    findingAt(
      ctx,
      "request.authorization.missing",
      `${ctx.operation.operationId} requires credentials (${wanted}) the interaction does not send`,
      `${ctx.interaction.pointer}/request/headers`,
    ),
  ];
}

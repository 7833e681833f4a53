import type { Parameter } from "../contract/model.js";
import { findingAt, type InteractionContext } from "./context.js";
import type { CompatFinding } from "./finding.js";

/** Request headers any HTTP client may send: not expected in a contract's parameters (swagger-mock-validator's list). */
const STANDARD_HEADERS = new Set([
  "accept",
  "accept-charset",
  "accept-datetime",
  "accept-encoding",
  "accept-language",
  "authorization",
  "cache-control",
  "connection",
  "content-length",
  "content-md5",
  "content-type",
  "cookie",
  "date",
  "expect",
  "forwarded",
  "from",
  "host",
  "if-match",
  "if-modified-since",
  "if-none-match",
  "if-range",
  "if-unmodified-since",
  "max-forwards",
  "origin",
  "pragma",
  "proxy-authorization",
  "range",
  "referer",
  "te",
  "upgrade",
  "user-agent",
  "via",
  "warning",
]);

/** Headers and query parameters the consumer sends that the operation does not document: the provider may ignore them. */
export function undocumentedFindings(ctx: InteractionContext): CompatFinding[] {
  const params = ctx.operation.parameters;
  const credentials = credentialNames(ctx);
  const findings: CompatFinding[] = [];
  const at = `${ctx.interaction.pointer}/request`;
  for (const [key, { name }] of ctx.interaction.request.headers) {
    if (
      STANDARD_HEADERS.has(key) ||
      credentials.header.has(key) ||
      params.some((p) => p.in === "header" && p.name.toLowerCase() === key)
    )
      continue;
    findings.push(
      findingAt(
        ctx,
        "request.header.unknown",
        `the interaction sends the header ${name}, which ${ctx.operation.operationId} does not document`,
        `${at}/headers`,
      ),
    );
  }
  const query = ctx.interaction.request.query?.values ?? new Map<string, string[]>();
  if (params.some(takesAnyName)) return findings;
  for (const name of query.keys()) {
    if (
      credentials.query.has(name) ||
      params.some((p) => p.in === "query" && (p.name === name || name.startsWith(`${p.name}[`)))
    )
      continue;
    findings.push(
      findingAt(
        ctx,
        "request.query.unknown",
        `the interaction sends the query parameter ${name}, which ${ctx.operation.operationId} does not document`,
        `${at}/query`,
      ),
    );
  }
  return findings;
}

/** A free-form object in the query (`style: form, explode: true`) takes parameters of any name. */
function takesAnyName(p: Parameter): boolean {
  return p.in === "query" && p.style === "form" && p.explode && p.shape.type === "object";
}

/** Header and query names that carry the operation's API keys. */
function credentialNames(ctx: InteractionContext): { header: Set<string>; query: Set<string> } {
  const header = new Set<string>();
  const query = new Set<string>();
  for (const name of ctx.operation.security.flat()) {
    const scheme = ctx.contract.securitySchemes[name];
    if (scheme?.type !== "apiKey") continue;
    if (scheme.in === "header") header.add(scheme.name.toLowerCase());
    if (scheme.in === "query") query.add(scheme.name);
  }
  return { header, query };
}

import { bodyText, type JournalEntry } from "../mock/journal.js";
import type { RouteTarget } from "../mock/router.js";
import type { MockRequest } from "../mock/types.js";
import { redactHeaders } from "../pact/redact.js";
import { redactQuery } from "./redact-query.js";
import type { ProxiedExchange } from "./proxied-exchange.js";

/**
 * A proxied exchange as the admin journal (`/__mockpact/requests`) and the web console show it:
 * who answered (`upstream`, `mock: unimplemented`, `proxy: 504`) and every finding, both directions.
 * Credential headers and query values are redacted here: the journal is served over HTTP.
 */
export function journalEntryOf(exchange: ProxiedExchange, request: MockRequest, target: RouteTarget | undefined): Omit<JournalEntry, "seq"> {
  return {
    time: new Date().toISOString(),
    method: exchange.method,
    url: redactQuery(exchange.url),
    headers: redactHeaders(flat(request.headers)),
    ...(request.body ? { body: bodyText(request.body) } : {}),
    ...(target ? { operation: { contract: target.contract.id, operationId: target.operation.operationId, method: target.operation.method.toUpperCase(), path: target.operation.path } } : {}),
    status: exchange.status,
    answeredBy: answeredBy(exchange),
    findings: exchange.violations,
  };
}

export function answeredBy(exchange: ProxiedExchange): string {
  if (exchange.source === "mock") return `mock: ${exchange.reason ?? "fallback"}`;
  if (exchange.source === "proxy") return `proxy: ${exchange.status}`;
  return "upstream";
}

function flat(headers: MockRequest["headers"]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) if (value !== undefined) out[name] = Array.isArray(value) ? value.join(", ") : value;
  return out;
}

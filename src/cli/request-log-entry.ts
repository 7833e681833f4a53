import type { MockExchange } from "../mock/exchange.js";
import type { ProxiedExchange } from "../proxy/proxied-exchange.js";
import { redactHeaders, redactQuery, type SecretNames } from "../redact.js";
import type { Violation } from "../schema/violation.js";

/** One request as the log shows it, text or JSON alike: redacted already, not yet escaped for a terminal. */
export interface LogEntry {
  time: string;
  method: string;
  /** Path and query, credential-like query values replaced. */
  url: string;
  status: number;
  operation?: string;
  contract?: string;
  /** example, fake, override, stub, state, rejected; for the proxy upstream, mock, proxy. */
  source: string;
  /** Why the proxy's mock answered (unimplemented, unreachable, strict). */
  reason?: string;
  durationMs: number;
  delayMs?: number;
  fault?: string;
  findings: Violation[];
  /** Said under the line: a direction the proxy left unchecked, an upstream failure. */
  notes?: { unchecked?: string; error?: string };
  /** `--log-level debug`: the headers both ways, credentials redacted. */
  requestHeaders?: Record<string, string>;
  responseHeaders?: Record<string, string>;
}

export function mockEntry(exchange: MockExchange, debug: boolean, names: SecretNames | undefined): LogEntry {
  const { record, response } = exchange;
  const entry: LogEntry = {
    time: new Date(record.time).toISOString(),
    method: record.request.method,
    url: redactQuery(record.request.url, names),
    status: response.status,
    ...(record.target ? { operation: record.target.operation.operationId, contract: record.target.contract.id } : {}),
    source: exchange.source,
    durationMs: rounded(exchange.durationMs),
    ...(record.delayMs !== undefined ? { delayMs: record.delayMs } : {}),
    ...(record.fault ? { fault: record.fault } : {}),
    findings: record.findings,
  };
  if (debug) {
    entry.requestHeaders = headerLines(redactHeaders(record.request.headers, names));
    entry.responseHeaders = headerLines(redactHeaders(response.headers, names));
  }
  return entry;
}

export function proxyEntry(exchange: ProxiedExchange, names: SecretNames | undefined): LogEntry {
  return {
    time: new Date().toISOString(),
    method: exchange.method,
    url: redactQuery(exchange.url, names),
    status: exchange.status,
    ...(exchange.operationId ? { operation: exchange.operationId } : {}),
    ...(exchange.contractId ? { contract: exchange.contractId } : {}),
    source: exchange.source,
    ...(exchange.reason ? { reason: exchange.reason } : {}),
    durationMs: rounded(exchange.durationMs),
    findings: exchange.violations,
    ...(exchange.unchecked || exchange.error
      ? {
          notes: {
            ...(exchange.unchecked ? { unchecked: exchange.unchecked } : {}),
            ...(exchange.error ? { error: exchange.error } : {}),
          },
        }
      : {}),
  };
}

/** Repeated headers as node gives them (arrays) joined as HTTP would fold them. */
function headerLines(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers))
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(", ") : value;
  return out;
}

function rounded(ms: number): number {
  return Math.round(ms * 10) / 10;
}

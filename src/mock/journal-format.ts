import { utf8Text } from "../http/bytes.js";
import type { HttpResponse } from "../http/types.js";
import { redactBodyText, redactHeaders, redactQuery, type SecretNames } from "../redact.js";
import { answerSource } from "./exchange.js";
import type { JournalEntry, JournalRecord } from "./journal.js";

/** The entry as the admin API shows it: dates, text, and every credential redacted. */
export function formatRecord(record: JournalRecord & { seq: number }, names: SecretNames | undefined): JournalEntry {
  const { request, target } = record;
  const body = bodyText(request.body);
  return {
    seq: record.seq,
    time: new Date(record.time).toISOString(),
    method: request.method,
    url: redactQuery(request.url, names),
    headers: redactHeaders(request.headers, names),
    ...(body !== undefined ? { body: redactBodyText(body, names) } : {}),
    ...(record.bodyLength !== undefined ? { bodyLength: record.bodyLength } : {}),
    ...(target
      ? {
          operation: {
            contract: target.contract.id,
            operationId: target.operation.operationId,
            method: target.operation.method.toUpperCase(),
            path: target.operation.path,
          },
        }
      : {}),
    status: record.status,
    ...(record.response ? { response: responseView(record.response, record.responseBodyLength, names) } : {}),
    source: sourceOf(record),
    answeredBy: record.answeredBy,
    findings: record.findings,
    ...(record.delayMs !== undefined ? { delayMs: record.delayMs } : {}),
    ...(record.fault ? { fault: record.fault } : {}),
    ...(record.error ? { error: record.error } : {}),
    ...(record.outgoing ? { outgoing: record.outgoing } : {}),
    ...(record.outsideContract ? { outsideContract: true as const } : {}),
    ...(record.step !== undefined ? { step: record.step } : {}),
    ...(record.nearMiss ? { nearMiss: record.nearMiss } : {}),
    ...(record.closest ? { closest: record.closest } : {}),
  };
}

function responseView(
  response: HttpResponse,
  bodyLength: number | undefined,
  names: SecretNames | undefined,
): NonNullable<JournalEntry["response"]> {
  const body = bodyText(response.body);
  return {
    headers: redactHeaders(response.headers, names),
    ...(body !== undefined ? { body: redactBodyText(body, names) } : {}),
    ...(bodyLength !== undefined ? { bodyLength } : {}),
  };
}

function bodyText(body: Uint8Array | string | undefined): string | undefined {
  if (body === undefined || body.length === 0) return undefined;
  return typeof body === "string" ? body : utf8Text(body);
}

/** The proxy's own exchanges (`upstream`, `proxy: 504`) are `proxy`; its fallback answers and the mock's are named as the request log names them. */
function sourceOf(record: JournalRecord): string {
  if (record.outgoing) return record.outgoing.kind;
  if (record.answeredBy === "upstream" || record.answeredBy.startsWith("proxy:")) return "proxy";
  return answerSource(record.answeredBy.replace(/^mock: .*/, "generated"), record.status, record.builtFrom);
}

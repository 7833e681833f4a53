import type { HttpResponse } from "../http/types.js";
import type { RequestTrace } from "./hooks.js";
import type { JournalRecord } from "./journal.js";

/** Who gave the answer, as the request log names it. */
export type ExchangeSource = "example" | "fake" | "override" | "stub" | "state" | "rejected";

/**
 * One request the mock answered, as `onAnswer` receives it once the answer is made: the journal's
 * record (request, route, status, findings), the response, who answered and how long it took. Nothing
 * is formatted or redacted here: a listener that prints does that, and only when it prints.
 */
export interface MockExchange {
  record: JournalRecord;
  response: HttpResponse;
  source: ExchangeSource;
  /** From the request's arrival in the core to its answer being ready; a delay (`delayMs`) comes on top. */
  durationMs: number;
}

export function exchangeOf(record: JournalRecord, response: HttpResponse, trace: RequestTrace): MockExchange {
  return {
    record,
    response,
    source: sourceOf(record, response, trace),
    durationMs: trace.startedAt === undefined ? 0 : performance.now() - trace.startedAt,
  };
}

function sourceOf(record: JournalRecord, response: HttpResponse, trace: RequestTrace): ExchangeSource {
  return answerSource(record.answeredBy, response.status, trace.builtFrom);
}

/** Who answered, from what the journal keeps: also how the console names and filters a row's source. */
export function answerSource(answeredBy: string, status: number, builtFrom: RequestTrace["builtFrom"]): ExchangeSource {
  const by = answeredBy;
  if (by.startsWith("override")) return "override";
  if (by === "stateful") return "state";
  if (by === "stub") return "stub";
  if (by === "rejected") return "rejected";
  if (builtFrom) return builtFrom;
  // Not built by the answer step: a 4xx of the mock's own (a missing credential, 406, 415), or a
  // documented answer without a body (204, HEAD), which is the contract's own: an example of sorts.
  return status >= 400 ? "rejected" : "example";
}

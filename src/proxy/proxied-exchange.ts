import type { Violation } from "../schema/violation.js";

/** Who produced the response the client got. */
export type AnswerSource = "upstream" | "mock" | "proxy";

/** Why the mock answered in the upstream's place (`--fallback`), or instead of forwarding (`--strict`, `--prefer mock`). */
export type FallbackReason = "unimplemented" | "unreachable" | "strict" | "preferred";

/**
 * One request through `mockpact proxy`, as the console, the admin journal and the recorder see it.
 * Credentials are never in here: the URL's query is kept as sent, so the console redacts it again.
 */
export interface ProxiedExchange {
  method: string;
  /** Path and query as the client sent them. */
  url: string;
  contractId?: string;
  operationId?: string;
  status: number;
  source: AnswerSource;
  /** Set when the mock answered: why. */
  reason?: FallbackReason;
  /** The mock answered with a mocks entry of a route no contract has: nothing was validated. */
  outsideContract?: boolean;
  /** Findings on the request and on the response, in that order (`in` tells them apart). */
  violations: Violation[];
  /** Why a direction was not checked although checking is on (a body over the size limit). */
  unchecked?: string;
  /** The upstream could not be reached or did not answer in time. */
  error?: string;
  /** Wall time of the exchange as the proxy saw it (ms). */
  durationMs: number;
  /** The upstream's own part of it, from the call to the end of its body (ms): the rest is the proxy's. */
  upstreamMs?: number;
}

/** The `Mockpact-Source` header: who answered, and for the mock why (`mock; reason=unimplemented`). */
export const SOURCE_HEADER = "mockpact-source";
export const WARNING_HEADER = "mockpact-warning";

export function sourceHeader(source: AnswerSource, reason?: FallbackReason): string {
  return reason ? `${source}; reason=${reason}` : source;
}

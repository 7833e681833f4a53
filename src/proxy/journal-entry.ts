import type { RouteTarget } from "../http/router.js";
import type { HttpRequest } from "../http/types.js";
import type { JournalRecord } from "../mock/journal.js";
import type { ProxiedExchange } from "./proxied-exchange.js";

/**
 * A proxied exchange as the admin journal (`/__mockpact/requests`) and the web console show it:
 * who answered (`upstream`, `mock: unimplemented`, `proxy: 504`), every finding, both directions, and
 * the upstream's failure (a streamed answer that broke off keeps its relayed status: the error says it).
 * The journal redacts credentials when it is read, as it does for the mock.
 */
export function journalRecordOf(
  exchange: ProxiedExchange,
  request: HttpRequest,
  target: RouteTarget | undefined,
): JournalRecord {
  return {
    time: Date.now(),
    request,
    target,
    status: exchange.status,
    answeredBy: answeredBy(exchange),
    findings: exchange.violations,
    ...(exchange.error ? { error: exchange.error } : {}),
    ...(exchange.outsideContract ? { outsideContract: true as const } : {}),
  };
}

export function answeredBy(exchange: ProxiedExchange): string {
  if (exchange.source === "mock") return `mock: ${exchange.reason ?? "fallback"}`;
  if (exchange.source === "proxy") return `proxy: ${exchange.status}`;
  return "upstream";
}

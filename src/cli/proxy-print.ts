import type { ProxiedExchange } from "../proxy/proxied-exchange.js";
import type { SecretNames } from "../redact.js";
import { bold } from "./print.js";
import { proxyEntry } from "./request-log-entry.js";
import { entryText } from "./request-log-format.js";

/** Totals printed when the proxy stops; they also decide the exit code. */
export interface ProxyTally {
  exchanges: number;
  withFindings: number;
  fromMock: number;
  failed: number;
}

export function emptyTally(): ProxyTally {
  return { exchanges: 0, withFindings: 0, fromMock: 0, failed: 0 };
}

export function countExchange(tally: ProxyTally, exchange: ProxiedExchange): void {
  tally.exchanges++;
  if (exchange.violations.length > 0) tally.withFindings++;
  if (exchange.source === "mock") tally.fromMock++;
  if (exchange.error) tally.failed++;
}

/** One exchange as the request log writes it in text (`--log-format text`, at `info`). */
export function formatExchange(exchange: ProxiedExchange, secretNames?: SecretNames): string {
  return entryText(proxyEntry(exchange, secretNames), false);
}

export function formatTally(tally: ProxyTally): string {
  return `${bold("mockpact proxy")} ${tally.exchanges} exchange(s), ${tally.withFindings} with findings, ${tally.fromMock} answered by the mock, ${tally.failed} upstream failure(s)\n`;
}

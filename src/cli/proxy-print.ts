import type { ProxiedExchange } from "../proxy/proxied-exchange.js";
import { printable, redactQuery, type SecretNames } from "../redact.js";
import { bold, dim, green, red, yellow } from "./print.js";

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

/**
 * One line per exchange, then one per finding. Headers are never printed, and query values of
 * credential-like names (`?api_key=`, `?token=`) and of the contracts' own apiKey names
 * (`secretNames`, which no pattern can guess) are replaced: logs get shared.
 */
export function formatExchange(exchange: ProxiedExchange, secretNames?: SecretNames): string {
  const status = exchange.status >= 500 || exchange.error ? red(String(exchange.status)) : exchange.status >= 400 ? yellow(String(exchange.status)) : green(String(exchange.status));
  const source = exchange.source === "upstream" ? dim("upstream") : yellow(exchange.reason ? `${exchange.source} (${exchange.reason})` : exchange.source);
  const findings = exchange.violations.length > 0 ? red(` ${exchange.violations.length} finding(s)`) : "";
  let text = `${bold(printable(exchange.method))} ${printable(redactQuery(exchange.url, secretNames))} ${status} ${source} ${dim(printable(exchange.operationId ?? "-"))} ${dim(`${exchange.durationMs.toFixed(1)} ms`)}${findings}\n`;
  for (const v of exchange.violations) text += `  ${red(v.in)} ${printable(v.where)} ${dim(v.keyword)}: ${printable(v.message)}\n`;
  if (exchange.unchecked) text += `  ${yellow("unchecked")} ${printable(exchange.unchecked)}\n`;
  if (exchange.error) text += `  ${red("error")} ${printable(exchange.error)}\n`;
  return text;
}

export function formatTally(tally: ProxyTally): string {
  return `${bold("mockpact proxy")} ${tally.exchanges} exchange(s), ${tally.withFindings} with findings, ${tally.fromMock} answered by the mock, ${tally.failed} upstream failure(s)\n`;
}

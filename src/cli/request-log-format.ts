import { printable } from "../redact.js";
import { bold, dim, green, red, yellow } from "./print.js";
import type { LogEntry } from "./request-log-entry.js";

/**
 * `GET /shop/products?limit=2 200 listProducts example 1.2 ms`, then one indented line per finding
 * (and with debug per header: `>` sent, `<` answered). Every value a client or a contract chose is
 * escaped: a log must not be able to move the cursor or recolour the terminal.
 */
export function entryText(entry: LogEntry, debug: boolean): string {
  const status =
    entry.status >= 500 || entry.notes?.error
      ? red(String(entry.status))
      : entry.status >= 400
        ? yellow(String(entry.status))
        : green(String(entry.status));
  const source =
    entry.source === "upstream" || entry.source === "example" || entry.source === "fake"
      ? dim(entry.source)
      : yellow(entry.reason ? `${entry.source} (${entry.reason})` : entry.source);
  const timing = `${entry.durationMs.toFixed(1)} ms${entry.delayMs !== undefined ? ` +${entry.delayMs} ms delay` : ""}`;
  const fault = entry.fault ? ` ${red(`fault ${entry.fault}`)}` : "";
  const findings = entry.findings.length > 0 ? red(` ${entry.findings.length} finding(s)`) : "";
  let text = `${bold(printable(entry.method))} ${printable(entry.url)} ${status} ${dim(printable(entry.operation ?? "-"))} ${source} ${dim(timing)}${fault}${findings}\n`;
  for (const v of entry.findings)
    text += `  ${red(v.in)} ${printable(v.where)} ${dim(v.keyword)}: ${printable(v.message)}\n`;
  if (entry.notes?.unchecked) text += `  ${yellow("unchecked")} ${printable(entry.notes.unchecked)}\n`;
  if (entry.notes?.error) text += `  ${red("error")} ${printable(entry.notes.error)}\n`;
  if (debug) {
    for (const [name, value] of Object.entries(entry.requestHeaders ?? {}))
      text += dim(`  > ${printable(name)}: ${printable(value)}`) + "\n";
    for (const [name, value] of Object.entries(entry.responseHeaders ?? {}))
      text += dim(`  < ${printable(name)}: ${printable(value)}`) + "\n";
  }
  return text;
}

/** Escaped beyond what JSON.stringify escapes: DEL, C1 controls, line separators and bidi overrides. */
const UNSAFE_IN_JSON = /[\u007f-\u009f\u2028\u2029\u202a-\u202e]/g;

/** One JSON object per line: every control character escaped, so no line can break another or the terminal. */
export function entryJson(entry: LogEntry): string {
  return `${JSON.stringify(entry).replace(UNSAFE_IN_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)}\n`;
}

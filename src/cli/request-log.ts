import type { MockExchange } from "../mock/exchange.js";
import type { ProxiedExchange } from "../proxy/proxied-exchange.js";
import type { SecretNames } from "../redact.js";
import type { RequestLogOptions } from "./request-log-flags.js";
import { mockEntry, proxyEntry, type LogEntry } from "./request-log-entry.js";
import { entryJson, entryText } from "./request-log-format.js";

/** What the request log is handed: a mock's answer, or an exchange through the proxy. */
export type LoggedExchange = { kind: "mock"; exchange: MockExchange } | { kind: "proxy"; exchange: ProxiedExchange };

export interface RequestLog {
  /** Queues the exchange; its line is made and written after the answer, with the others of the same turn. */
  log(logged: LoggedExchange): void;
}

/** Lines are written at most this many at once; more wait for the next turn of the event loop. */
const LINES_PER_WRITE = 256;
/**
 * How long a line may wait for others: under load one write carries many lines instead of one or two
 * per turn (each write is a system call and wakes whoever reads the output, often on the same CPUs).
 */
const GATHER_MS = 25;

/**
 * The request log of `mock` and `proxy` on stdout, or undefined for `--log-level silent` (then the
 * library is given no listener, and the hot path does not time or describe a thing). A queued exchange
 * is only a reference: formatting and redaction wait until after the answer is written.
 */
export function createRequestLog(
  options: RequestLogOptions,
  secretNames: () => SecretNames | undefined,
  write: (text: string) => void = (text) => process.stdout.write(text),
): RequestLog | undefined {
  const level = options.logLevel ?? "info";
  if (level === "silent") return undefined;
  const debug = level === "debug";
  const format = options.logFormat === "json" ? entryJson : entryText;
  let queue: LoggedExchange[] = [];
  let scheduled = false;
  const flush = () => {
    const batch = queue.slice(0, LINES_PER_WRITE);
    queue = queue.slice(LINES_PER_WRITE);
    scheduled = queue.length > 0;
    if (scheduled) setImmediate(flush);
    const names = secretNames();
    write(batch.map((logged) => format(entryOf(logged, debug, names), debug)).join(""));
  };
  return {
    log(logged) {
      queue.push(logged);
      if (!scheduled) {
        scheduled = true;
        setTimeout(flush, GATHER_MS);
      }
    },
  };
}

function entryOf(logged: LoggedExchange, debug: boolean, names: SecretNames | undefined): LogEntry {
  return logged.kind === "mock" ? mockEntry(logged.exchange, debug, names) : proxyEntry(logged.exchange, names);
}

import { MockpactError } from "../errors.js";
import { resolveMockOptions, type MockOptions, type ResolvedMockOptions } from "../mock/options.js";
import type { ProxiedExchange } from "./proxied-exchange.js";

export type Fallback = "never" | "unimplemented" | "unreachable";
export const FALLBACKS: Fallback[] = ["never", "unimplemented", "unreachable"];

/** `mockpact proxy`'s options, the CLI flags one to one; the mock's own apply to the fallback answers. */
export interface ProxyOptions extends MockOptions {
  /** The real backend, e.g. `http://127.0.0.1:8080`; its path (if any) prefixes every forwarded path. */
  upstream: string;
  /** What is checked against the contract. Default both; `[]` (`--validate none`) checks nothing. */
  validate?: Array<"requests" | "responses">;
  /** Answer a request that breaks the contract with the mock's 400/422 instead of forwarding it. */
  strict?: boolean;
  /** When the mock answers instead of the upstream. Default `unimplemented`. */
  fallback?: Fallback;
  /** Folder to record passing exchanges into, in the fixtures layout. */
  record?: string;
  /** File to record passing exchanges into, as a V4 pact; needs `consumer` and `provider`. */
  recordPact?: string;
  consumer?: string;
  provider?: string;
  /** Until the upstream's response headers arrive, and between its body chunks (ms). Default 30000. */
  timeoutMs?: number;
  /** Each exchange once its response is sent: the console line and the admin journal hang here. */
  onExchange?: (exchange: ProxiedExchange) => void;
}

export interface ResolvedProxyOptions extends ResolvedMockOptions {
  upstream: URL;
  validateRequests: boolean;
  validateResponses: boolean;
  strict: boolean;
  fallback: Fallback;
  record: string | undefined;
  recordPact: { file: string; consumer: string; provider: string } | undefined;
  timeoutMs: number;
  /** Largest response body read for checking; a bigger one streams through unchecked (with a warning header). */
  maxCheckedResponseBytes: number;
  onExchange: (exchange: ProxiedExchange) => void;
}

export const DEFAULT_PROXY_TIMEOUT_MS = 30_000;
const MAX_CHECKED_RESPONSE = 16 * 1024 * 1024;

export function resolveProxyOptions(options: ProxyOptions): ResolvedProxyOptions {
  const validate = options.validate ?? ["requests", "responses"];
  const timeoutMs = options.timeoutMs ?? DEFAULT_PROXY_TIMEOUT_MS;
  if (!Number.isInteger(timeoutMs) || timeoutMs <= 0) usage(`--timeout ${String(options.timeoutMs)} is not a positive whole number of milliseconds`, "Give --timeout in ms, e.g. 30000.");
  const fallback = options.fallback ?? "unimplemented";
  if (!FALLBACKS.includes(fallback)) usage(`--fallback ${String(fallback)} is not one of ${FALLBACKS.join(", ")}`, "Give --fallback never, unimplemented or unreachable.");
  return {
    ...resolveMockOptions(options),
    upstream: upstreamUrl(options.upstream),
    validateRequests: validate.includes("requests"),
    validateResponses: validate.includes("responses"),
    strict: options.strict ?? false,
    fallback,
    record: options.record,
    recordPact: recordPact(options),
    timeoutMs,
    maxCheckedResponseBytes: MAX_CHECKED_RESPONSE,
    onExchange: options.onExchange ?? (() => {}),
  };
}

/** `--validate requests,responses` / `none` -> the list `validate` takes. */
export function parseValidate(text: string): Array<"requests" | "responses"> {
  const parts = text.split(",").map((p) => p.trim().toLowerCase()).filter(Boolean);
  if (parts.length === 1 && parts[0] === "none") return [];
  for (const part of parts) if (part !== "requests" && part !== "responses") usage(`--validate ${text}: "${part}" is not requests, responses or none`, "Give --validate requests,responses (the default), requests, responses or none.");
  return parts as Array<"requests" | "responses">;
}

function recordPact(options: ProxyOptions): ResolvedProxyOptions["recordPact"] {
  if (!options.recordPact) return undefined;
  if (!options.consumer || !options.provider) usage("--record-pact needs --consumer and --provider", "Name both sides of the pact, e.g. --consumer web --provider shop-api.");
  return { file: options.recordPact, consumer: options.consumer, provider: options.provider };
}

function upstreamUrl(value: string | undefined): URL {
  let url: URL | undefined;
  try {
    url = value ? new URL(value) : undefined;
  } catch {
    url = undefined;
  }
  if (!url || !/^https?:$/.test(url.protocol)) usage(`the upstream ${value ?? "(none)"} is not an http(s) URL`, "Give --upstream a full URL, e.g. http://127.0.0.1:8080.");
  return url;
}

function usage(why: string, hint: string): never {
  throw new MockpactError("OPTION_INVALID", `Failed to start the proxy: ${why}`, { hint });
}

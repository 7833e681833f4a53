import { checkOption, unusableOptions } from "../errors.js";
import { resolveMockOptions, type MockOptions, type ResolvedMockOptions } from "../mock/options.js";
import { withDefaults } from "../options/flag-spec.js";
import { duration, httpUrl, oneOf } from "../options/validators.js";
import { FALLBACKS, PREFERENCES, PROXY_FLAGS, type Fallback, type Preference } from "./flags.js";
import type { ProxiedExchange } from "./proxied-exchange.js";

export { FALLBACKS, PREFERENCES, type Fallback, type Preference } from "./flags.js";

/** `mockpact proxy`'s options, the CLI flags one to one (proxy/flags.ts); the mock's own apply to the fallback answers. */
export interface ProxyOptions extends MockOptions {
  /** The real backend, e.g. `http://127.0.0.1:8080`; its path (if any) prefixes every forwarded path. */
  upstream: string;
  /** What is checked against the contract. Default both; `[]` (`--validate none`) checks nothing. */
  validate?: Array<"requests" | "responses">;
  /** Answer a request that breaks the contract with the mock's 400/422 instead of forwarding it. */
  strict?: boolean;
  /** When the mock answers instead of the upstream. Default `unimplemented`. */
  fallback?: Fallback;
  /** `mock`: the mock answers every contract operation and mocks entry, the upstream only the rest. Default `upstream`. */
  prefer?: Preference;
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
  prefer: Preference;
  record: string | undefined;
  recordPact: { file: string; consumer: string; provider: string } | undefined;
  timeoutMs: number;
  /** Largest response body read for checking; a bigger one streams through unchecked (with a warning header). */
  maxCheckedResponseBytes: number;
  onExchange: (exchange: ProxiedExchange) => void;
}

const MAX_CHECKED_RESPONSE = 16 * 1024 * 1024;

export function resolveProxyOptions(options: ProxyOptions): ResolvedProxyOptions {
  const given = withDefaults(PROXY_FLAGS, options);
  return {
    ...resolveMockOptions(options),
    upstream: new URL(checkOption("upstream", given.upstream, httpUrl)),
    validateRequests: given.validate.includes("requests"),
    validateResponses: given.validate.includes("responses"),
    strict: given.strict,
    fallback: checkOption("fallback", given.fallback, oneOf(FALLBACKS)),
    prefer: checkOption("prefer", given.prefer, oneOf(PREFERENCES)),
    record: given.record,
    recordPact: recordPact(options),
    timeoutMs: checkOption("timeout", given.timeoutMs, duration),
    maxCheckedResponseBytes: MAX_CHECKED_RESPONSE,
    onExchange: given.onExchange ?? (() => {}),
  };
}

function recordPact(options: ProxyOptions): ResolvedProxyOptions["recordPact"] {
  if (!options.recordPact) return undefined;
  if (!options.consumer || !options.provider) {
    throw unusableOptions(
      "the proxy",
      "--record-pact needs --consumer and --provider",
      "Name both sides of the pact, e.g. --consumer web --provider shop-api.",
    );
  }
  return { file: options.recordPact, consumer: options.consumer, provider: options.provider };
}

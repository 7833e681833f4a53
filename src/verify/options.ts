import { MockpactError } from "../errors.js";
import type { PactLogLevel } from "./pact-library.js";
import type { StateHandlers } from "./states.js";

/** A consumer version selector, as the Pact Broker's "pacts for verification" takes it. */
export type ConsumerVersionSelector = Record<string, string | boolean | number>;

/** Options of `verifyProvider()`; the CLI's `mockpact verify` flags map onto them one to one. */
export interface VerifyOptions {
  /** Where the provider runs, e.g. `http://127.0.0.1:8080`. Required. */
  providerBaseUrl: string;
  /** Pact files, folders of them, or pact URLs. */
  pacts?: string[];
  /** The provider's OpenAPI contract(s); without one, only Pact's checks run. */
  contracts?: string[];
  /** The provider's name: required with a broker; otherwise a filter on the pacts' provider. */
  provider?: string;
  brokerUrl?: string;
  /** Default: the environment's PACT_BROKER_TOKEN. Never printed. */
  brokerToken?: string;
  consumerVersionSelectors?: ConsumerVersionSelector[];
  enablePending?: boolean;
  /** ISO date (`2024-01-01`): also verify work-in-progress pacts published since then (as pending). */
  includeWipSince?: string;
  /** Publish Pact's results to the broker; needs `providerVersion`. */
  publish?: boolean;
  providerVersion?: string;
  providerBranch?: string;
  /** Receives `POST {consumer, state, params, action: "setup" | "teardown"}` around each interaction. */
  statesUrl?: string;
  /** A map of state name to handler, or a module file (ESM or CJS) exporting one. */
  states?: StateHandlers | string;
  /** Sent with every request to the provider, e.g. `{ Authorization: "Bearer ..." }`. Values never printed. */
  headers?: Record<string, string>;
  /** Per request to the provider, and per state change (ms). Default 30000. */
  timeoutMs?: number;
  /** Level of Pact's own logs. Default `silent` (Pact's native core still prints its verification output). */
  logLevel?: PactLogLevel;
  allowRemoteRefs?: boolean;
  refRoot?: string;
}

export interface ResolvedVerifyOptions {
  providerBaseUrl: string;
  pacts: string[];
  contracts: string[];
  provider: string | undefined;
  /** Sent with pact URLs and to the broker; never printed. */
  brokerToken: string | undefined;
  broker: BrokerOptions | undefined;
  publish: PublishOptions | undefined;
  statesUrl: string | undefined;
  states: StateHandlers | string | undefined;
  headers: Record<string, string>;
  timeoutMs: number;
  logLevel: PactLogLevel;
  allowRemoteRefs: boolean;
  refRoot: string | undefined;
}

export interface BrokerOptions {
  url: string;
  consumerVersionSelectors: ConsumerVersionSelector[];
  enablePending: boolean;
  includeWipSince: string | undefined;
}

export interface PublishOptions {
  providerVersion: string;
  providerBranch: string | undefined;
}

export const DEFAULT_TIMEOUT_MS = 30_000;

/** Options -> ResolvedOptions in one place: defaults, the environment, and every usage error. */
export function resolveVerifyOptions(options: VerifyOptions): ResolvedVerifyOptions {
  const providerBaseUrl = httpUrl(options.providerBaseUrl, "provider base URL (--provider-base-url)");
  const pacts = options.pacts ?? [];
  const token = options.brokerToken ?? process.env.PACT_BROKER_TOKEN ?? undefined;
  const broker = options.brokerUrl ? resolveBroker(options) : undefined;
  if (pacts.length === 0 && !broker) usage("no pacts to verify", "Give --pact FILE|DIR|URL, or --broker-url with --provider.");
  if (broker && !options.provider) usage("a broker needs the provider's name", "Add --provider NAME: the broker selects pacts by provider.");
  if (options.statesUrl && options.states) usage("both --states-url and --states were given", "Use one way of setting up provider states.");
  if (options.statesUrl) httpUrl(options.statesUrl, "states URL (--states-url)");
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!Number.isInteger(timeoutMs) || timeoutMs <= 0) usage(`timeout ${String(options.timeoutMs)} is not a positive whole number of milliseconds`, "Give --timeout in ms, e.g. 30000.");
  return {
    providerBaseUrl,
    pacts,
    contracts: options.contracts ?? [],
    provider: options.provider,
    brokerToken: token,
    broker,
    publish: resolvePublish(options),
    statesUrl: options.statesUrl,
    states: options.states,
    headers: options.headers ?? {},
    timeoutMs,
    logLevel: options.logLevel ?? "silent",
    allowRemoteRefs: options.allowRemoteRefs ?? false,
    refRoot: options.refRoot,
  };
}

function resolveBroker(options: VerifyOptions): BrokerOptions {
  const since = options.includeWipSince;
  if (since !== undefined && Number.isNaN(Date.parse(since))) usage(`--include-wip-since ${since} is not a date`, "Give an ISO date, e.g. 2024-01-31.");
  return {
    url: httpUrl(options.brokerUrl!, "broker URL (--broker-url)"),
    consumerVersionSelectors: options.consumerVersionSelectors ?? [],
    enablePending: options.enablePending ?? false,
    includeWipSince: since,
  };
}

function resolvePublish(options: VerifyOptions): PublishOptions | undefined {
  if (!options.publish) return undefined;
  if (!options.providerVersion) usage("--publish needs --provider-version", "Give the version of the provider being verified, e.g. its git commit.");
  return { providerVersion: options.providerVersion, providerBranch: options.providerBranch };
}

function httpUrl(value: string | undefined, what: string): string {
  let url: URL | undefined;
  try {
    url = value ? new URL(value) : undefined;
  } catch {
    url = undefined;
  }
  if (!url || !/^https?:$/.test(url.protocol)) usage(`the ${what} ${value ?? "(none)"} is not an http(s) URL`, "Give a full URL, e.g. http://127.0.0.1:8080.");
  return value!.replace(/\/+$/, "");
}

function usage(why: string, hint: string): never {
  throw new MockpactError("OPTION_INVALID", `Failed to start verification: ${why}`, { hint });
}

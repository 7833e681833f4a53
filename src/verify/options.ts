import { checkOption, unusableOptions } from "../errors.js";
import { messageSchemaChoice, type MessageSchemaChoice } from "../pact/message-contracts.js";
import { withDefaults } from "../options/flag-spec.js";
import { duration, httpUrl, integerBetween, isoDate } from "../options/validators.js";
import { VERIFY_FLAGS } from "./flags.js";
import type { PactLogLevel } from "./pact-library.js";
import type { StateHandlers } from "./states.js";

/** A consumer version selector, as the Pact Broker's "pacts for verification" takes it. */
export type ConsumerVersionSelector = Record<string, string | boolean | number>;

/** Options of `verifyProvider()`; the CLI's `mockpact verify` flags map onto them one to one (verify/flags.ts). */
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
  /**
   * Pact's verifiers run side by side, each with its own proxy and state endpoint: pacts, and the
   * interactions of a large pact, are shared out among them, and their results merged into one
   * report. Interactions of different workers run at the same time, so their provider states must
   * not interfere. Default 1 (one after the other).
   */
  parallel?: number;
  /** Level of Pact's own logs, in the text `onPactOutput` receives. Default `silent`. */
  logLevel?: PactLogLevel;
  /**
   * Receives Pact's own text as it comes (its verification output, and its logs at `logLevel`), with
   * Pact's colours. Without it the text is not shown: mockpact's report says the same, once.
   */
  onPactOutput?: (text: string) => void;
  /** Path on the provider where Pact's core POSTs `{description, providerStates}` to get a message. Default: the base URL itself. */
  messagePath?: string;
  /** AsyncAPI 2.6 or 3.0 documents: each message the provider produces is checked against its payload schema. */
  asyncapi?: string[];
  /** `NAME` or `DESCRIPTION=NAME`: the named AsyncAPI message, or OpenAPI schema of `contracts`, a message is checked against. */
  messageSchemas?: string[];
  /** Exit 1 when no interaction was verified (an empty pact, a broker with no pacts). Default true. */
  failIfNoPactsFound?: boolean;
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
  parallel: number;
  logLevel: PactLogLevel;
  onPactOutput: ((text: string) => void) | undefined;
  messagePath: string | undefined;
  asyncapi: string[];
  messageSchemas: MessageSchemaChoice[];
  failIfNoPactsFound: boolean;
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

/** Each worker is a process of Pact's core beside a proxy: more than this would only queue on the CPUs. */
const MAX_WORKERS = integerBetween(1, 32);

/** Options -> ResolvedOptions in one place: the flag table's defaults, the environment, and every usage error. */
export function resolveVerifyOptions(options: VerifyOptions): ResolvedVerifyOptions {
  const given = withDefaults(VERIFY_FLAGS, options);
  const providerBaseUrl = baseUrl("provider-base-url", given.providerBaseUrl);
  const pacts = given.pacts ?? [];
  const broker = given.brokerUrl ? resolveBroker(given) : undefined;
  if (pacts.length === 0 && !broker)
    usage("no pacts to verify", "Give --pact FILE|DIR|URL, or --broker-url with --provider.");
  if (broker && !given.provider)
    usage("a broker needs the provider's name", "Add --provider NAME: the broker selects pacts by provider.");
  if (given.statesUrl && given.states)
    usage("both --states-url and --states were given", "Use one way of setting up provider states.");
  if (given.statesUrl) checkOption("states-url", given.statesUrl, httpUrl);
  return {
    providerBaseUrl,
    pacts,
    contracts: given.contracts ?? [],
    provider: given.provider,
    brokerToken: given.brokerToken ?? process.env.PACT_BROKER_TOKEN ?? undefined,
    broker,
    publish: resolvePublish(given),
    statesUrl: given.statesUrl,
    states: given.states,
    headers: given.headers ?? {},
    timeoutMs: checkOption("timeout", given.timeoutMs, duration),
    parallel: checkOption("parallel", given.parallel, MAX_WORKERS),
    logLevel: given.logLevel,
    onPactOutput: given.onPactOutput,
    messagePath: given.messagePath === undefined ? undefined : checkOption("message-path", given.messagePath, urlPath),
    asyncapi: given.asyncapi ?? [],
    messageSchemas: (given.messageSchemas ?? []).map(messageSchemaChoice),
    failIfNoPactsFound: given.failIfNoPactsFound,
    allowRemoteRefs: given.allowRemoteRefs,
    refRoot: given.refRoot,
  };
}

function resolveBroker(options: VerifyOptions): BrokerOptions {
  const since = options.includeWipSince;
  return {
    url: baseUrl("broker-url", options.brokerUrl),
    consumerVersionSelectors: options.consumerVersionSelectors ?? [],
    enablePending: options.enablePending ?? false,
    includeWipSince: since === undefined ? undefined : checkOption("include-wip-since", since, isoDate),
  };
}

function resolvePublish(options: VerifyOptions): PublishOptions | undefined {
  if (!options.publish) return undefined;
  if (!options.providerVersion)
    usage(
      "--publish needs --provider-version",
      "Give the version of the provider being verified, e.g. its git commit.",
    );
  return { providerVersion: options.providerVersion, providerBranch: options.providerBranch };
}

/** An http(s) URL that paths are appended to: without its trailing slashes. */
function baseUrl(name: string, value: string | undefined): string {
  return checkOption(name, value, httpUrl).replace(/\/+$/, "");
}

/** `--message-path /events`: a path that starts with a slash. */
const urlPath = {
  expected: "a path that starts with /",
  read: (value: unknown) => (typeof value === "string" && /^\/\S*$/.test(value) ? value : undefined),
};

function usage(why: string, hint: string): never {
  throw unusableOptions("verification", why, hint);
}

import { checkOption } from "../errors.js";
import { delay, type DelayRange } from "../options/delay.js";
import { withDefaults } from "../options/flag-spec.js";
import { size } from "../options/size.js";
import { count, rate, someOf, type Validator } from "../options/validators.js";
import { FAULT_KINDS, type FaultKind } from "./faults.js";
import { defaultMocks } from "./default-mocks.js";
import { MOCK_CORE_FLAGS } from "./flags.js";

/** What answers beyond the contract's own: mocks files, state, latency and faults. */
export interface AnswerOptions {
  /** Mocks files or folders of them. Default: a `mocks` folder beside each contract argument, when it exists. */
  mocks?: string[];
  /** Infer resources from the contract's paths and keep what clients POST, PUT, PATCH and DELETE. */
  stateful?: boolean;
  /** With `stateful`: the most items the state holds in all. Default 10,000. */
  stateMaxItems?: number;
  /** With `stateful`: the most bytes of JSON its items take in all (`32mb`, or a number of bytes). Default 32 MiB. */
  stateMaxBytes?: number | string;
  /** With `stateful`: a fixtures folder (the output of `mockpact fixtures`) whose items the store starts with. */
  fixtures?: string;
  /** Latency added to every answer: `50-200ms`, `250ms`. Off by default. */
  latency?: string | number;
  /** Share of answers (0 to 1) replaced by a fault. Off (0) by default. */
  faultRate?: number;
  /** The faults `faultRate` draws from. Default: reset, empty, malformed. */
  faults?: FaultKind[];
  /** Fire the contract's callbacks after answering their operations (default true; `--no-callbacks`). */
  callbacks?: boolean;
  /** Milliseconds between an answer and its callbacks. Default 0. */
  callbackDelayMs?: number;
  /** Hosts beside loopback that callbacks and webhooks may call: `hooks.example.test` or `hooks.example.test:8443`. */
  allowCallbacksTo?: string[];
}

export interface ResolvedAnswerOptions {
  mocks: string[];
  stateful: boolean;
  stateLimits: { maxItems: number; maxBytes: number };
  fixtures: string | undefined;
  latency: DelayRange | undefined;
  faultRate: number;
  faults: FaultKind[];
  callbacks: boolean;
  callbackDelayMs: number;
  allowCallbacksTo: string[];
}

/** `contracts` are the resolved ones: the mocks folders are looked for beside them. */
export function resolveAnswerOptions(options: AnswerOptions, contracts: string[]): ResolvedAnswerOptions {
  const given = withDefaults(MOCK_CORE_FLAGS, options);
  return {
    mocks: given.mocks && given.mocks.length > 0 ? given.mocks : defaultMocks(contracts),
    stateful: given.stateful,
    stateLimits: {
      maxItems: checkOption("state-max-items", given.stateMaxItems, count),
      maxBytes: checkOption("state-max-bytes", given.stateMaxBytes, size),
    },
    fixtures: given.fixtures,
    latency: given.latency === undefined ? undefined : checkOption("latency", given.latency, delay),
    faultRate: checkOption("fault-rate", given.faultRate, rate),
    faults: checkOption("faults", given.faults, someOf(FAULT_KINDS)),
    callbacks: given.callbacks,
    callbackDelayMs: checkOption("callback-delay", given.callbackDelayMs, count),
    allowCallbacksTo: checkOption("allow-callbacks-to", given.allowCallbacksTo ?? [], hostList),
  };
}

/** `Hooks.Example.test, ci-receiver:8080` -> lower-cased names, each with an optional port; no scheme, path or wildcard. */
const hostList: Validator<string[]> = {
  expected: "host names or name:port, comma-separated (no scheme, path or *)",
  read: (value) => {
    if (!Array.isArray(value)) return undefined;
    const hosts = value.map((v) => String(v).trim().toLowerCase()).filter(Boolean);
    return hosts.every((h) => /^(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/.test(h))
      ? hosts
      : undefined;
  },
};

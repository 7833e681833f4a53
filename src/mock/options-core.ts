import { checkOption } from "../errors.js";
import { MAX_JSON_DEPTH } from "../http/body.js";
import { withDefaults } from "../options/flag-spec.js";
import { size } from "../options/size.js";
import { integer } from "../options/validators.js";
import type { MockExchange } from "./exchange.js";
import { MOCK_CORE_FLAGS } from "./flags.js";
import { resolveAnswerOptions, type AnswerOptions, type ResolvedAnswerOptions } from "./options-answers.js";

/** What the mock answers and how, whichever host runs it (its server, the middleware, `createHandler`). */
export interface MockCoreOptions extends AnswerOptions {
  /** Contract files or folders of them. Default: `contracts`, or none when `pacts` are given. */
  contracts?: string[];
  /** Pact files, folders of them or URLs: each HTTP interaction is served as a stub (`mock --pact`). */
  pacts?: string[];
  /** Seed of every fake; the same seed and request give the same bytes. */
  seed?: number;
  /** Fake even where the contract has examples (as `Prefer: dynamic=true` on every request). */
  dynamic?: boolean;
  /**
   * Copy each path parameter's value into the top-level property of the same name of example and fake
   * answers (`id` too, for a last parameter such as `orderId`), where the body still fits its schema.
   * Default true (`--no-echo-params`).
   */
  echoParams?: boolean;
  /** `false` answers requests even when they break the contract (step 3 skipped; demos). Default true. */
  requestValidation?: boolean;
  cors?: boolean;
  /** Largest request body accepted: bytes, or a size like `1mb`, `512kb`. */
  maxBody?: number | string;
  allowRemoteRefs?: boolean;
  /** Folder file `$ref`s may read from (default: each contract's own folder). */
  refRoot?: string;
  /** Receives what the mock has to say (load warnings, reloads, errors); the CLI prints them. */
  onEvent?: (event: MockEvent) => void;
  /** Receives every request once its answer is made (the CLI's request log); none by default, at no cost. */
  onAnswer?: (exchange: MockExchange) => void;
}

export type MockEvent =
  | { type: "warning"; message: string; file?: string; pointer?: string; line?: number }
  | { type: "reload"; file: string }
  | { type: "reload-failed"; file: string; error: Error };

export interface ResolvedMockCoreOptions extends ResolvedAnswerOptions {
  contracts: string[];
  pacts: string[];
  seed: number;
  dynamic: boolean;
  echoParams: boolean;
  requestValidation: boolean;
  cors: boolean;
  maxBodyBytes: number;
  allowRemoteRefs: boolean;
  refRoot: string | undefined;
  /** Deepest JSON nesting a request body may have (checked before parsing). */
  maxJsonDepth: number;
  onEvent: (event: MockEvent) => void;
  onAnswer: ((exchange: MockExchange) => void) | undefined;
}

export function resolveMockCoreOptions(options: MockCoreOptions): ResolvedMockCoreOptions {
  const given = withDefaults(MOCK_CORE_FLAGS, options);
  const contracts = contractsOf(options);
  return {
    contracts,
    pacts: given.pacts ?? [],
    seed: checkOption("seed", given.seed, integer),
    dynamic: given.dynamic,
    echoParams: given.echoParams,
    requestValidation: given.requestValidation,
    cors: given.cors,
    maxBodyBytes: checkOption("max-body", given.maxBody, size),
    allowRemoteRefs: given.allowRemoteRefs,
    refRoot: given.refRoot,
    maxJsonDepth: MAX_JSON_DEPTH,
    ...resolveAnswerOptions(options, contracts),
    onEvent: given.onEvent ?? (() => {}),
    onAnswer: options.onAnswer,
  };
}

/** `mock --pact FILE` alone serves the pacts alone: the `contracts` folder default applies without pacts only. */
function contractsOf(options: MockCoreOptions): string[] {
  if (options.contracts && options.contracts.length > 0) return options.contracts;
  return options.pacts && options.pacts.length > 0 ? [] : ["contracts"];
}

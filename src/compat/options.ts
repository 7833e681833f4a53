import { checkOption, unusableOptions } from "../errors.js";
import { withDefaults } from "../options/flag-spec.js";
import { oneOf } from "../options/validators.js";
import { messageSchemaChoice, type MessageSchemaChoice } from "../pact/message-contracts.js";
import { COMPAT_FLAGS, FAIL_ON } from "./flags.js";

/** What `mockpact compat` takes, from the CLI flags one to one (compat/flags.ts), or from code. */
export interface CompatOptions {
  /** Pact files, folders of them, or pact URLs. At least one. */
  pacts?: string[];
  /** The provider's OpenAPI/Swagger contracts (files or folders). At least one. */
  contracts?: string[];
  /** `warning`: warnings fail the run too. Default `error`. */
  failOn?: "error" | "warning";
  allowRemoteRefs?: boolean;
  refRoot?: string;
  /** Timeout of fetching a pact URL, in ms. */
  timeoutMs?: number;
  /** AsyncAPI 2.x/3.0 documents: the message interactions are checked against their payload schemas. */
  asyncapi?: string[];
  /** `NAME` or `DESCRIPTION=NAME`: the AsyncAPI message, or OpenAPI schema of `contracts`, that checks a message. */
  messageSchemas?: string[];
}

export interface ResolvedCompatOptions {
  pacts: string[];
  contracts: string[];
  failOn: "error" | "warning";
  allowRemoteRefs: boolean;
  refRoot: string | undefined;
  timeoutMs: number;
  asyncapi: string[];
  messageSchemas: MessageSchemaChoice[];
}

/** A pact URL that has not answered after this long is a load error (no flag: the library's callers may set it). */
const PACT_FETCH_TIMEOUT_MS = 30_000;

export function resolveCompatOptions(options: CompatOptions): ResolvedCompatOptions {
  const given = withDefaults(COMPAT_FLAGS, options);
  if (!given.pacts?.length)
    throw unusableOptions("compat", "no pact was given", "Give one or more pacts with --pact FILE|DIR|URL.");
  if (!given.contracts?.length && !given.asyncapi?.length)
    throw unusableOptions(
      "compat",
      "no contract was given",
      "Give the provider's OpenAPI contract with --contract FILE (or its AsyncAPI document with --asyncapi FILE for message pacts).",
    );
  return {
    pacts: given.pacts,
    contracts: given.contracts ?? [],
    failOn: checkOption("fail-on", given.failOn, oneOf(FAIL_ON)),
    allowRemoteRefs: given.allowRemoteRefs,
    refRoot: given.refRoot,
    timeoutMs: given.timeoutMs ?? PACT_FETCH_TIMEOUT_MS,
    asyncapi: given.asyncapi ?? [],
    messageSchemas: (given.messageSchemas ?? []).map(messageSchemaChoice),
  };
}

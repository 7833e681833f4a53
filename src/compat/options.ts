import { MockpactError } from "../errors.js";

/** What `mockpact compat` takes, from the CLI flags one to one, or from code. */
export interface CompatOptions {
  /** Pact files, folders of them, or pact URLs. */
  pacts: string[];
  /** The provider's OpenAPI/Swagger contracts (files or folders). */
  contracts: string[];
  /** `warning`: warnings fail the run too. Default `error`. */
  failOn?: "error" | "warning";
  allowRemoteRefs?: boolean;
  refRoot?: string;
  /** Timeout of fetching a pact URL, in ms. */
  timeoutMs?: number;
}

export interface ResolvedCompatOptions {
  pacts: string[];
  contracts: string[];
  failOn: "error" | "warning";
  allowRemoteRefs: boolean;
  refRoot: string | undefined;
  timeoutMs: number;
}

export function resolveCompatOptions(options: CompatOptions): ResolvedCompatOptions {
  if (options.pacts.length === 0) throw usage("no pact was given", "Give one or more pacts with --pact FILE|DIR|URL.");
  if (options.contracts.length === 0) throw usage("no contract was given", "Give the provider's OpenAPI contract with --contract FILE.");
  const failOn = options.failOn ?? "error";
  if (failOn !== "error" && failOn !== "warning") throw usage(`--fail-on "${String(failOn)}" is neither error nor warning`, "Give --fail-on error (default) or --fail-on warning.");
  return { pacts: options.pacts, contracts: options.contracts, failOn, allowRemoteRefs: options.allowRemoteRefs ?? false, refRoot: options.refRoot, timeoutMs: options.timeoutMs ?? 30_000 };
}

function usage(why: string, hint: string): MockpactError {
  return new MockpactError("OPTION_INVALID", `Failed to start compat: ${why}`, { hint });
}

import { withDefaults } from "../../options/flag-spec.js";
import { defaultMocks } from "../default-mocks.js";
import type { MockEvent } from "../options.js";
import { BUNDLE_FLAGS } from "./flags.js";

/** What `mockpact bundle` takes: `bundleMock(options)`, the CLI flags one to one. */
export interface BundleOptions {
  /** Contract files or folders of them. Default: `contracts`. */
  contracts?: string[];
  /** Where the CLI writes the bundle; `bundleMock` itself writes nothing. */
  out?: string;
  /** Mocks files or folders. Default: a `mocks` folder beside each contract argument, when it exists. */
  mocks?: string[];
  /** A fixtures folder whose 2xx items seed the stateful store. */
  fixtures?: string;
  allowRemoteRefs?: boolean;
  refRoot?: string;
  /** Load warnings of the contracts and mocks files, as `mockpact mock` reports them at start. */
  onEvent?: (event: MockEvent) => void;
}

export interface ResolvedBundleOptions {
  contracts: string[];
  out: string | undefined;
  mocks: string[];
  fixtures: string | undefined;
  allowRemoteRefs: boolean;
  refRoot: string | undefined;
  onEvent: (event: MockEvent) => void;
}

export function resolveBundleOptions(options: BundleOptions): ResolvedBundleOptions {
  const given = withDefaults(BUNDLE_FLAGS, options);
  const contracts = given.contracts.length > 0 ? given.contracts : ["contracts"];
  return {
    contracts,
    out: given.out,
    mocks: given.mocks && given.mocks.length > 0 ? given.mocks : defaultMocks(contracts),
    fixtures: given.fixtures,
    allowRemoteRefs: given.allowRemoteRefs,
    refRoot: given.refRoot,
    onEvent: given.onEvent ?? (() => {}),
  };
}

import { findContractFiles, loadContract, type Contract } from "../contract/index.js";
import { createMockCore, type MockCore } from "./core.js";
import type { ResolvedMockOptions } from "./options.js";
import type { StubMatcher } from "./stubs.js";
import { loadExtras, type LoadedExtras } from "./extras.js";
import { createRuntime, type MockRuntime } from "./runtime.js";

export interface LoadedMock {
  files: string[];
  contracts: Contract[];
  core: MockCore;
  /** The pact stubs of `--pact`, when given. */
  stubs?: StubMatcher;
  /** Mocks files (overrides, scenarios) and the resources of --stateful. */
  extras: LoadedExtras;
}

/** Contracts in, a ready core out. Load warnings go to `onEvent`; errors are thrown whole. */
/** `runtime` (journal, state, scenarios) outlives reloads: the server passes its own each time. */
export async function loadMock(options: ResolvedMockOptions, runtime: MockRuntime = createRuntime(options)): Promise<LoadedMock> {
  const files = await findContractFiles(options.contracts);
  const contracts = await Promise.all(files.map((file) => loadContract(file, { refRoot: options.refRoot, allowRemoteRefs: options.allowRemoteRefs })));
  assertUniqueIds(contracts);
  for (const contract of contracts) {
    for (const warning of contract.warnings) options.onEvent({ type: "warning", message: warning.message, file: warning.file, pointer: warning.pointer });
  }
  const stubs = await loadStubs(options.pacts);
  const watched = stubs ? [...files, ...stubs.files.filter((f) => !/^https?:/i.test(f))] : files;
  const { core, extras } = await loadExtras(contracts, options, runtime, (extensions) => createMockCore(contracts, options, stubs, extensions));
  return { files: [...watched, ...extras.mockFiles], contracts, core, extras, ...(stubs ? { stubs } : {}) };
}

/** Pact support loads on use only, so that `mockpact mock` without `--pact` starts as fast as before. */
async function loadStubs(pacts: string[]): Promise<StubMatcher | undefined> {
  if (pacts.length === 0) return undefined;
  const { loadPactStubs } = await import("../pact/stubs/index.js");
  return loadPactStubs(pacts);
}

/** Two files with one name (a/shop.yaml, b/shop.yaml) get their folder in the id to stay apart. */
function assertUniqueIds(contracts: Contract[]): void {
  const seen = new Map<string, number>();
  for (const contract of contracts) seen.set(contract.id, (seen.get(contract.id) ?? 0) + 1);
  for (const contract of contracts) {
    if ((seen.get(contract.id) ?? 0) > 1) contract.id = contract.file;
  }
}

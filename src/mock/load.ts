import { loadContracts, type Contract } from "../contract/index.js";
import { MockpactError } from "../errors.js";
import { compileContracts } from "../http/engine.js";
import type { StubMatcher } from "../pact/stubs/matcher.js";
import { loadAnswerSources, type AnswerSources } from "./answer-sources.js";
import { createMockCore, type MockCore } from "./core.js";
import { createLiveState, type LiveState } from "./live-state.js";
import type { ResolvedMockOptions } from "./options.js";

export interface LoadedMock {
  /** Every file this load read (contracts, local pacts, mocks files): what `--watch` watches. */
  files: string[];
  contracts: Contract[];
  core: MockCore;
  /** The pact stubs of `--pact`, when given. */
  stubs?: StubMatcher;
  /** Mocks files (overrides, scenarios) and the resources of --stateful. */
  sources: AnswerSources;
}

/**
 * Contracts in, a ready core out. Load warnings go to `onEvent`; errors are thrown whole. The live
 * state (journal, store, scenarios) outlives reloads: the server passes its own each time.
 */
export async function loadMock(options: ResolvedMockOptions, live: LiveState = createLiveState(options)): Promise<LoadedMock> {
  const contracts = await loadContracts(options.contracts, { refRoot: options.refRoot, allowRemoteRefs: options.allowRemoteRefs });
  for (const contract of contracts) {
    for (const warning of contract.warnings) options.onEvent({ type: "warning", message: warning.message, file: warning.file, pointer: warning.pointer });
  }
  const engine = compileContracts(contracts, {
    onRouteWarning: (message, target) => options.onEvent({ type: "warning", message, file: target.contract.file, pointer: target.operation.source.pointer }),
  });
  const stubs = await loadStubs(options.pacts);
  for (const warning of stubs?.warnings ?? []) options.onEvent({ type: "warning", ...warning });
  const { core, sources } = await loadAnswerSources(contracts, options, live, (hooks) => createMockCore(engine, options, stubs, hooks));
  const pactFiles = stubs ? stubs.files.filter((f) => !/^https?:/i.test(f)) : [];
  return { files: [...contracts.map((c) => c.file), ...pactFiles, ...sources.mockFiles], contracts, core, sources, ...(stubs ? { stubs } : {}) };
}

/** Pact support loads on use only, so that `mockpact mock` without `--pact` starts as fast as before. */
async function loadStubs(pacts: string[]): Promise<StubMatcher | undefined> {
  if (pacts.length === 0) return undefined;
  const { loadPactStubs } = await import("../pact/stubs/index.js");
  return loadPactStubs(pacts);
}

/** A file of this load that is gone: its contract, overrides or stubs keep serving until it is back. */
export function missingFileError(file: string, mock: LoadedMock): MockpactError {
  const hint = "Put the file back: until then the last good version keeps serving (restart to drop it for good).";
  const place = { file };
  if (mock.contracts.some((c) => c.file === file)) return new MockpactError("CONTRACT_NOT_FOUND", `Failed to reload: the contract ${file} is gone`, { hint, place });
  if (mock.sources.mockFiles.includes(file)) return new MockpactError("MOCKS_NOT_FOUND", `Failed to reload: the mocks file ${file} is gone`, { hint, place });
  return new MockpactError("PACT_NOT_FOUND", `Failed to reload: the pact ${file} is gone`, { hint, place });
}

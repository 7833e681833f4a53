import { loadContracts } from "../contract/index.js";
import { MockpactError } from "../errors.js";
import type { StubMatcher } from "../pact/stubs/matcher.js";
import type { AnswerFiles } from "./answer-sources.js";
import type { AnswerHooks } from "./hooks.js";
import { createLiveState, type LiveState } from "./live-state.js";
import { makeMock, type LoadedMock } from "./make-mock.js";
import type { ResolvedMockOptions } from "./options.js";
import { readMocksTexts } from "./overrides/read.js";
import { readFixtureValues } from "./state/fixture-files.js";

export type { LoadedMock } from "./make-mock.js";

/**
 * Contracts in, a ready core out: the files are read here, the core is made by makeMock. Load
 * warnings go to `onEvent`; errors are thrown whole. The live state (journal, store, scenarios)
 * outlives reloads: the server passes its own each time.
 */
export async function loadMock(
  options: ResolvedMockOptions,
  live: LiveState = createLiveState(options),
  wrapHooks?: (hooks: AnswerHooks) => AnswerHooks,
): Promise<LoadedMock> {
  const contracts = await loadContracts(options.contracts, {
    refRoot: options.refRoot,
    allowRemoteRefs: options.allowRemoteRefs,
  });
  const stubs = await loadStubs(options.pacts);
  for (const warning of stubs?.warnings ?? []) options.onEvent({ type: "warning", ...warning });
  const files = await readAnswerFiles(options);
  const pactFiles = stubs ? stubs.files.filter((f) => !/^https?:/i.test(f)) : [];
  const mock = makeMock(
    { contracts, files, watched: [...contracts.map((c) => c.file), ...pactFiles], ...(stubs ? { stubs } : {}) },
    options,
    live,
    wrapHooks,
  );
  await mock.sources.seeded;
  return mock;
}

/** The mocks files, and with `--stateful --fixtures` the fixtures that seed the store. */
export async function readAnswerFiles(options: ResolvedMockOptions): Promise<AnswerFiles> {
  const mocks = await readMocksTexts(options.mocks);
  return options.stateful && options.fixtures
    ? { mocks, fixtures: await readFixtureValues(options.fixtures) }
    : { mocks };
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
  if (mock.contracts.some((c) => c.file === file))
    return new MockpactError("CONTRACT_NOT_FOUND", `Failed to reload: the contract ${file} is gone`, { hint, place });
  if (mock.sources.mockFiles.includes(file))
    return new MockpactError("MOCKS_NOT_FOUND", `Failed to reload: the mocks file ${file} is gone`, { hint, place });
  return new MockpactError("PACT_NOT_FOUND", `Failed to reload: the pact ${file} is gone`, { hint, place });
}

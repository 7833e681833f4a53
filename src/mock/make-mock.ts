import type { Contract } from "../contract/model.js";
import { compileContracts } from "../http/engine.js";
import type { StubMatcher } from "../pact/stubs/matcher.js";
import { loadAnswerSources, type AnswerFiles, type AnswerSources } from "./answer-sources.js";
import { createMockCore, type MockCore } from "./core.js";
import type { AnswerHooks } from "./hooks.js";
import type { LiveState } from "./live-state.js";
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

/** What a mock is made of, read already: from files by load.ts, or from a bundle by from-bundle.ts. */
export interface MockInput {
  contracts: Contract[];
  files: AnswerFiles;
  stubs?: StubMatcher;
  /** The files read, for `--watch`: none for a bundle. */
  watched: string[];
}

/**
 * Contracts and answer files in, a ready core out, with no file read: the one place `mockpact mock`,
 * the middleware and the MSW handlers (Node and browser) make their core, so that they answer alike.
 * Load warnings go to `onEvent`; errors are thrown whole. `wrapHooks` lets a host put its own answers
 * before the mocks files' (the MSW handlers' `override()`).
 */
export function makeMock(
  input: MockInput,
  options: ResolvedMockOptions,
  live: LiveState,
  wrapHooks: (hooks: AnswerHooks) => AnswerHooks = (h) => h,
): LoadedMock {
  const { contracts, stubs } = input;
  for (const contract of contracts) {
    for (const warning of contract.warnings)
      options.onEvent({ type: "warning", message: warning.message, file: warning.file, pointer: warning.pointer });
  }
  const engine = compileContracts(contracts, {
    onRouteWarning: (message, target) =>
      options.onEvent({
        type: "warning",
        message,
        file: target.contract.file,
        pointer: target.operation.source.pointer,
      }),
  });
  const { core, sources } = loadAnswerSources(contracts, input.files, options, live, (hooks) =>
    createMockCore(engine, options, stubs, wrapHooks(hooks)),
  );
  return { files: [...input.watched, ...sources.mockFiles], contracts, core, sources, ...(stubs ? { stubs } : {}) };
}

import { contractFromDocument } from "../../contract/from-document.js";
import { MockpactError } from "../../errors.js";
import type { AnswerHooks } from "../hooks.js";
import type { LiveState } from "../live-state.js";
import { makeMock, type LoadedMock } from "../make-mock.js";
import type { ResolvedMockOptions } from "../options.js";
import { checkBundle } from "./check.js";
import type { BundledContract } from "./format.js";
import { reviveSpecialValues } from "./special-values.js";

/**
 * A bundle in, a ready core out, with no file read: the browser's (and a Node test's) way to the same
 * core `mockpact mock` makes from the files. The bundle's documents become the contracts' own (their
 * special values put back in place), which nothing after that changes.
 */
export function mockFromBundle(
  value: unknown,
  options: ResolvedMockOptions,
  live: LiveState,
  wrapHooks?: (hooks: AnswerHooks) => AnswerHooks,
): LoadedMock {
  const bundle = checkBundle(value);
  const contracts = bundle.contracts.map((bundled, i) => contractOf(bundled, i));
  const files = bundle.fixtures ? { mocks: bundle.mocks, fixtures: bundle.fixtures } : { mocks: bundle.mocks };
  return makeMock({ contracts, files, watched: [] }, options, live, wrapHooks);
}

function contractOf(bundled: BundledContract, index: number) {
  if (bundled.specialValues && !reviveSpecialValues(bundled.document, bundled.specialValues)) {
    throw new MockpactError(
      "BUNDLE_INVALID",
      `Failed to load the bundle: a special value of contract ${bundled.id} points at no place in its document`,
      {
        hint: "Write the bundle again with `mockpact bundle`: it was edited or cut.",
        place: { pointer: `#/contracts/${index}/specialValues` },
      },
    );
  }
  return contractFromDocument(
    { document: bundled.document, dialect: bundled.dialect, warnings: bundled.warnings },
    { id: bundled.id, file: bundled.file },
  );
}

import type { ContractWarning, Dialect } from "../../contract/model.js";
import type { MocksText } from "../overrides/index.js";
import type { FixtureValue } from "../state/index.js";
import type { SpecialValue } from "./special-values.js";

export const BUNDLE_FORMAT = "mockpact-bundle";
/** Raised when what a bundle holds changes meaning; a reader refuses versions it does not know. */
export const BUNDLE_VERSION = 1;

/**
 * What `mockpact bundle` writes: everything a mock is made of, read and prepared, in one JSON
 * document a page can load without a file system (the MSW handlers in the browser). Names of files
 * are relative to the folder the command ran in, never machine paths.
 */
export interface MockBundle {
  format: typeof BUNDLE_FORMAT;
  version: typeof BUNDLE_VERSION;
  contracts: BundledContract[];
  /** The mocks files (overrides, scenarios) as written: parsed where they are used, so lines stay named. */
  mocks: MocksText[];
  /** The 2xx fixtures that seed the stateful store (`--fixtures`), when given. */
  fixtures?: FixtureValue[];
}

export interface BundledContract {
  /** The id the loaded set gives it (the file name, or its relative path where names clash): fakes are seeded by it. */
  id: string;
  file: string;
  dialect: Dialect;
  /** The prepared document: `$ref`s all internal, quirks rewritten, as the model is built from it. */
  document: Record<string, unknown>;
  /** What preparing the document found. */
  warnings: ContractWarning[];
  /** Values JSON cannot hold (YAML dates, `.nan`), put back where they were before the model is built. */
  specialValues?: SpecialValue[];
}

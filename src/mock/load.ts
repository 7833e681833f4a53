import { findContractFiles, loadContract, type Contract } from "../contract/index.js";
import { createMockCore, type MockCore } from "./core.js";
import type { ResolvedMockOptions } from "./options.js";

export interface LoadedMock {
  files: string[];
  contracts: Contract[];
  core: MockCore;
}

/** Contracts in, a ready core out. Load warnings go to `onEvent`; errors are thrown whole. */
export async function loadMock(options: ResolvedMockOptions): Promise<LoadedMock> {
  const files = await findContractFiles(options.contracts);
  const contracts = await Promise.all(files.map((file) => loadContract(file, { refRoot: options.refRoot, allowRemoteRefs: options.allowRemoteRefs })));
  assertUniqueIds(contracts);
  for (const contract of contracts) {
    for (const warning of contract.warnings) options.onEvent({ type: "warning", message: warning.message, file: warning.file, pointer: warning.pointer });
  }
  return { files, contracts, core: createMockCore(contracts, options) };
}

/** Two files with one name (a/shop.yaml, b/shop.yaml) get their folder in the id to stay apart. */
function assertUniqueIds(contracts: Contract[]): void {
  const seen = new Map<string, number>();
  for (const contract of contracts) seen.set(contract.id, (seen.get(contract.id) ?? 0) + 1);
  for (const contract of contracts) {
    if ((seen.get(contract.id) ?? 0) > 1) contract.id = contract.file;
  }
}

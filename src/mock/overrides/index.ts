import type { Contract, Operation } from "../../contract/model.js";
import { compileEntry } from "./compile.js";
import { findMocksFiles, readMocksFile } from "./read.js";
import type { Override, OverrideSet } from "./types.js";

export type { Override, OverrideSet } from "./types.js";
export { checkOverrides } from "./check.js";
export { firstMatch } from "./match.js";
export { overrideResponse } from "./respond.js";

export const NO_OVERRIDES: OverrideSet = { files: [], all: [], byOperation: new Map(), scenarios: new Map() };

/**
 * Reads and compiles every mocks file under `paths`, in order: files as given, folders by file name,
 * entries in file order. The first error stops the load (the caller keeps the last good set).
 */
export async function loadOverrides(paths: string[], contracts: Contract[]): Promise<OverrideSet> {
  if (paths.length === 0) return NO_OVERRIDES;
  const files = await findMocksFiles(paths);
  const all: Override[] = [];
  for (const file of files) for (const entry of await readMocksFile(file)) all.push(compileEntry(entry, contracts));
  return { files, all, byOperation: indexByOperation(all), scenarios: scenariosOf(all) };
}

function indexByOperation(all: Override[]): Map<Operation, Override[]> {
  const byOperation = new Map<Operation, Override[]>();
  for (const override of all) {
    const list = byOperation.get(override.operation);
    if (list) list.push(override);
    else byOperation.set(override.operation, [override]);
  }
  return byOperation;
}

function scenariosOf(all: Override[]): Map<string, Set<string>> {
  const scenarios = new Map<string, Set<string>>();
  for (const { scenario } of all) {
    if (!scenario) continue;
    const states = scenarios.get(scenario.name) ?? new Set<string>();
    for (const state of [scenario.whenState, scenario.nextState]) if (state) states.add(state);
    scenarios.set(scenario.name, states);
  }
  return scenarios;
}

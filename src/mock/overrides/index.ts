import type { Contract, Operation } from "../../contract/model.js";
import { compileEntry } from "./compile.js";
import { parseMocksText, type MocksText } from "./parse.js";
import type { Override, OverrideSet } from "./types.js";

export type { Override, OverrideSet } from "./types.js";
export type { MocksText } from "./parse.js";
export { checkOverrides } from "./check.js";
export { firstMatch, sequenceStep } from "./match.js";
export { overrideResponse } from "./respond.js";
export { matchOutside } from "./outside.js";
export { AddedOverrides, compileGivenEntry, ADDED_SOURCE, type CompileTarget } from "./added.js";

export const NO_OVERRIDES: OverrideSet = {
  files: [],
  all: [],
  byOperation: new Map(),
  outside: [],
  scenarios: new Map(),
};

/**
 * Parses and compiles mocks files (read by read.ts, or carried in a bundle), in order, entries in
 * file order. The first error stops the load (the caller keeps the last good set).
 */
export function compileOverrides(texts: MocksText[], contracts: Contract[]): OverrideSet {
  if (texts.length === 0) return NO_OVERRIDES;
  const all: Override[] = [];
  for (const text of texts) for (const entry of parseMocksText(text)) all.push(compileEntry(entry, contracts));
  all.sort(byPriority); // stable: file order within a priority
  return {
    files: texts.map((t) => t.file),
    all,
    byOperation: indexByOperation(all.filter((o) => !o.outside)),
    outside: all.filter((o) => o.outside),
    scenarios: scenariosOf(all),
  };
}

/** Lower priority first (WireMock's order); equal priorities keep the order they came in. */
export function byPriority(a: Override, b: Override): number {
  return a.priority - b.priority;
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

/** Scenario name -> the states the entries of `all` mention. */
export function scenariosOf(all: Override[]): Map<string, Set<string>> {
  const scenarios = new Map<string, Set<string>>();
  for (const { scenario } of all) {
    if (!scenario) continue;
    const states = scenarios.get(scenario.name) ?? new Set<string>();
    for (const state of [scenario.whenState, scenario.nextState]) if (state) states.add(state);
    scenarios.set(scenario.name, states);
  }
  return scenarios;
}

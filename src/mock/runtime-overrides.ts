import { registerScenarios } from "./answer-sources.js";
import type { LiveState } from "./live-state.js";
import type { LoadedMock } from "./make-mock.js";
import type { MockEvent } from "./options.js";
import type { Override } from "./overrides/index.js";

/** An override as `GET <admin>/mocks` lists it and `POST <admin>/mocks` and `mock.use()` return it. */
export interface OverrideView {
  id: string;
  /** `runtime`: added while the mock runs; `file`: read from a mocks file. */
  source: "runtime" | "file";
  name?: string;
  contract: string;
  operation: string;
  status: number;
  scenario?: Override["scenario"];
  warning?: string;
}

export function overrideView(o: Override, source: OverrideView["source"]): OverrideView {
  return {
    id: o.id,
    source,
    ...(o.name ? { name: o.name } : {}),
    contract: o.contract.id,
    operation: o.operation.operationId,
    status: o.status,
    ...(o.scenario ? { scenario: o.scenario } : {}),
    ...(o.warning ? { warning: o.warning } : {}),
  };
}

/** Every override in the order they are tried: runtime ones newest first, then the mocks files' in file order. */
export function overridesView(mock: LoadedMock, live: LiveState): OverrideView[] {
  return [
    ...live.overrides.all().map((o) => overrideView(o, "runtime")),
    ...mock.sources.overrides.all.map((o) => overrideView(o, "file")),
  ];
}

/**
 * Adds an override (an entry as a mocks file writes it) in front of all others. It is compiled as a
 * mocks file's entry is: a MOCKS_* error is thrown whole, contract warnings go to `onEvent` and the view.
 */
export function addOverride(
  mock: LoadedMock,
  live: LiveState,
  entry: unknown,
  options: { seed: number; onEvent: (event: MockEvent) => void },
): OverrideView {
  const target = { contracts: mock.contracts, registryOf: mock.core.engine.registryOf, seed: options.seed };
  const { override, warnings } = live.overrides.add(entry, target);
  for (const w of warnings) options.onEvent({ type: "warning", message: w.message, file: w.file, line: w.line });
  registerScenarios(live, mock.sources.overrides);
  live.revision.bump();
  return overrideView(override, "runtime");
}

/** Removes one runtime override by id (false when there is none), or all of them. */
export function removeOverrides(mock: LoadedMock, live: LiveState, id?: string): boolean {
  const removed = id === undefined ? (live.overrides.clear(), true) : live.overrides.remove(id);
  registerScenarios(live, mock.sources.overrides);
  if (removed) live.revision.bump();
  return removed;
}

import { holds } from "../matchers/conditions.js";
import type { RequestView } from "../request-view.js";
import type { ScenarioSnapshot } from "../scenarios.js";
import type { Override, ResponseSequence } from "./types.js";

/** The first override, in the order they are tried (priority, then file order), whose conditions and scenario state hold. */
export function firstMatch(
  overrides: Override[],
  view: RequestView,
  scenarios?: ScenarioSnapshot,
): Override | undefined {
  return overrides.find((o) => inState(o, scenarios) && holds(o.when, view));
}

export function inState(override: Override, scenarios: ScenarioSnapshot | undefined): boolean {
  const step = override.scenario;
  return !step?.whenState || scenarios?.isIn(step.name, step.whenState) === true;
}

/** The answer of a sequence for its `index`th matching request (from 0): past the end, the last one again, or round again. */
export function sequenceStep(sequence: ResponseSequence, index: number): Override {
  const { steps, then } = sequence;
  return steps[then === "cycle" ? index % steps.length : Math.min(index, steps.length - 1)]!;
}

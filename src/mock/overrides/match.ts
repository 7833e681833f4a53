import type { RequestView } from "../request-view.js";
import type { ScenarioSnapshot } from "../scenarios.js";
import { sameValue, valueAt } from "./jsonpath.js";
import type { Conditions, Override } from "./types.js";

/** The first override, in file order, whose conditions and scenario state hold for this request. */
export function firstMatch(overrides: Override[], view: RequestView, scenarios?: ScenarioSnapshot): Override | undefined {
  return overrides.find((o) => inState(o, scenarios) && holds(o.when, view));
}

function inState(override: Override, scenarios: ScenarioSnapshot | undefined): boolean {
  const step = override.scenario;
  return !step?.whenState || scenarios?.isIn(step.name, step.whenState) === true;
}

/** Every condition of `when`: path and header values exactly, query values by membership or as a list, body by JSONPath. */
export function holds(when: Conditions, view: RequestView): boolean {
  for (const [name, expected] of when.path) if (view.pathParams[name] !== expected) return false;
  for (const [name, expected] of when.headers) if (view.header(name) !== expected) return false;
  for (const [name, expected] of when.query) {
    const actual = view.query.getAll(name);
    const ok = Array.isArray(expected) ? actual.length === expected.length && expected.every((v, i) => actual[i] === v) : actual.includes(expected);
    if (!ok) return false;
  }
  for (const condition of when.body) if (!sameValue(valueAt(view.body, condition.path), condition.expected)) return false;
  return true;
}

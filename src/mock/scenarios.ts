/** The state every scenario starts in, as in WireMock. */
export const STARTED = "Started";

export interface ScenarioView {
  name: string;
  state: string;
  /** Every state the mocks files mention for this scenario, the start state first. */
  states: string[];
}

/**
 * Scenarios: one small state machine per name. Mocks entries match only in their `when-state` and
 * move the machine to their `next-state`. State names compare without case (`started` is
 * `Started`), so the form a person writes in YAML works either way.
 */
export class Scenarios {
  private readonly current = new Map<string, string>();
  private known = new Map<string, string[]>();

  /** At each (re)load: the scenarios and states the mocks files mention. Current states are kept. */
  register(mentioned: Map<string, Set<string>>): void {
    this.known = new Map([...mentioned].map(([name, states]) => [name, unique([STARTED, ...states])]));
  }

  has(name: string): boolean {
    return this.known.has(name) || this.current.has(name);
  }

  state(name: string): string {
    return this.current.get(name) ?? STARTED;
  }

  isIn(name: string, state: string): boolean {
    return same(this.state(name), state);
  }

  set(name: string, state: string): void {
    if (same(state, STARTED)) this.current.delete(name);
    else this.current.set(name, state);
  }

  reset(): void {
    this.current.clear();
  }

  list(): ScenarioView[] {
    const names = unique([...this.known.keys(), ...this.current.keys()]);
    return names.map((name) => ({ name, state: this.state(name), states: unique([...(this.known.get(name) ?? [STARTED]), this.state(name)]) }));
  }
}

function same(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

function unique(states: string[]): string[] {
  const seen = new Set<string>();
  return states.filter((s) => !seen.has(s.toLowerCase()) && seen.add(s.toLowerCase()));
}

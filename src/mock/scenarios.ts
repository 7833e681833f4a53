/** The state every scenario starts in, as in WireMock. */
export const STARTED = "Started";

export interface ScenarioView {
  name: string;
  state: string;
  /** Every state the mocks files mention for this scenario, the start state first. */
  states: string[];
}

/**
 * Where the current states are kept: in the process, or in Redis where replicas share them. A
 * scenario in `Started` is not kept. Names compare as written; states compare without case.
 */
export interface ScenarioStates {
  /** The scenarios not in `Started`, with their states. */
  all(): Promise<Map<string, string>>;
  /** Moves `name` to `to` only if it is in `from` now: true when it moved (a replica may have moved it first). */
  move(name: string, from: string, to: string): Promise<boolean>;
  clear(): Promise<void>;
}

/** The states as one request saw them: override matching reads them many times, the store once. */
export class ScenarioSnapshot {
  constructor(private readonly current: Map<string, string>) {}

  state(name: string): string {
    return this.current.get(name) ?? STARTED;
  }

  isIn(name: string, state: string): boolean {
    return same(this.state(name), state);
  }
}

/**
 * Scenarios: one small state machine per name. Mocks entries match only in their `when-state` and
 * move the machine to their `next-state`. State names compare without case (`started` is
 * `Started`), so the form a person writes in YAML works either way.
 */
export class Scenarios {
  private known = new Map<string, string[]>();

  constructor(private readonly states: ScenarioStates = new MemoryScenarioStates()) {}

  /** At each (re)load: the scenarios and states the mocks files mention. Current states are kept. */
  register(mentioned: Map<string, Set<string>>): void {
    this.known = new Map([...mentioned].map(([name, states]) => [name, unique([STARTED, ...states])]));
  }

  async snapshot(): Promise<ScenarioSnapshot> {
    return new ScenarioSnapshot(await this.states.all());
  }

  async has(name: string): Promise<boolean> {
    return this.known.has(name) || (await this.states.all()).has(name);
  }

  move(name: string, from: string, to: string): Promise<boolean> {
    return this.states.move(name, from, to);
  }

  /** Whatever the state is now (the admin API's `PUT /scenarios/NAME`). */
  async set(name: string, state: string): Promise<void> {
    for (let attempt = 0; attempt < 5; attempt++)
      if (await this.states.move(name, (await this.snapshot()).state(name), state)) return;
  }

  reset(): Promise<void> {
    return this.states.clear();
  }

  async list(): Promise<ScenarioView[]> {
    const current = await this.snapshot();
    const names = unique([...this.known.keys(), ...(await this.states.all()).keys()]);
    return names.map((name) => ({
      name,
      state: current.state(name),
      states: unique([...(this.known.get(name) ?? [STARTED]), current.state(name)]),
    }));
  }
}

/** The states of one process (each method does its work before it returns its promise). */
export class MemoryScenarioStates implements ScenarioStates {
  private readonly current = new Map<string, string>();

  async all(): Promise<Map<string, string>> {
    return new Map(this.current);
  }

  async move(name: string, from: string, to: string): Promise<boolean> {
    if (!same(this.current.get(name) ?? STARTED, from)) return false;
    if (same(to, STARTED)) this.current.delete(name);
    else this.current.set(name, to);
    return true;
  }

  async clear(): Promise<void> {
    this.current.clear();
  }
}

function same(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

function unique(states: string[]): string[] {
  const seen = new Set<string>();
  return states.filter((s) => !seen.has(s.toLowerCase()) && seen.add(s.toLowerCase()));
}

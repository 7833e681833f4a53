import { Journal, type JournalStore } from "./journal.js";
import { AddedOverrides } from "./overrides/added.js";
import type { Outgoing } from "./outgoing/dispatcher.js";
import { seededRandom, type Random } from "./random.js";
import { MemoryScenarioStates, Scenarios, type ScenarioStates } from "./scenarios.js";
import { MemoryStore, type StateLimits, type StateStore } from "./state/index.js";
import { countingWrites, MemoryRevision, type StateRevision } from "./state/revision.js";

/**
 * What lives as long as the server, across `--watch` reloads: the journal, scenario states, the
 * stateful store, the overrides added at run time (in this process only, also with `--store`), and
 * the seeded draws of delays and faults. Contracts and mocks files are reloaded;
 * this is not, and `POST /__mockpact/reset` empties the store and scenarios. In memory by default;
 * in Redis with `--store` (state/redis/), where replicas share all but the random draws.
 */
export interface LiveState {
  journal: JournalStore;
  scenarios: Scenarios;
  store: StateStore;
  random: Random;
  overrides: AddedOverrides;
  /** Moves with every change of the store, the scenarios or the runtime overrides: what the console watches. */
  revision: StateRevision;
  /** Ends what the state holds open (a Redis connection); nothing in memory. */
  close(): Promise<void>;
  /** Callbacks and webhooks: set by the servers that make outgoing calls (not the MSW handlers). */
  outgoing?: Outgoing;
}

/** The state of one process: its journal is the ring itself, read without waiting (the MSW handlers' `requests()`). */
export type MemoryLiveState = Omit<LiveState, "journal"> & { journal: Journal };

export function createLiveState(options: {
  journalSize: number;
  seed: number;
  stateLimits: StateLimits;
}): MemoryLiveState {
  const revision = new MemoryRevision();
  return {
    journal: new Journal(options.journalSize),
    ...countedState(new MemoryStore(options.stateLimits), new MemoryScenarioStates(), revision),
    random: seededRandom(options.seed, "delays and faults"),
    overrides: new AddedOverrides(),
    close: async () => {},
  };
}

/** The store and the scenarios, each write of theirs counted by `revision`. */
export function countedState(
  store: StateStore,
  states: ScenarioStates,
  revision: StateRevision,
): Pick<LiveState, "store" | "scenarios" | "revision"> {
  return {
    store: countingWrites(store, ["insert", "update", "remove", "setInitial", "reset"], revision),
    scenarios: new Scenarios(countingWrites(states, ["move", "clear"], revision)),
    revision,
  };
}

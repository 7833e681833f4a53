import { Journal, type JournalStore } from "./journal.js";
import { AddedOverrides } from "./overrides/added.js";
import type { Outgoing } from "./outgoing/dispatcher.js";
import { seededRandom, type Random } from "./random.js";
import { Scenarios } from "./scenarios.js";
import { MemoryStore, type StateLimits, type StateStore } from "./state/index.js";

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
  /** Ends what the state holds open (a Redis connection); nothing in memory. */
  close(): Promise<void>;
  /** Callbacks and webhooks: set by the servers that make outgoing calls (not the MSW handlers). */
  outgoing?: Outgoing;
}

/** The state of one process: its journal is the ring itself, read without waiting (the MSW handlers' `requests()`). */
export type MemoryLiveState = Omit<LiveState, "journal"> & { journal: Journal };

export function createLiveState(options: { journalSize: number; seed: number; stateLimits: StateLimits }): MemoryLiveState {
  return {
    journal: new Journal(options.journalSize),
    scenarios: new Scenarios(),
    store: new MemoryStore(options.stateLimits),
    random: seededRandom(options.seed, "delays and faults"),
    overrides: new AddedOverrides(),
    close: async () => {},
  };
}

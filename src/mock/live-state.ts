import { Journal } from "./journal.js";
import type { Outgoing } from "./outgoing/dispatcher.js";
import { seededRandom, type Random } from "./random.js";
import { Scenarios } from "./scenarios.js";
import { StateStore, type StateLimits } from "./state/index.js";

/**
 * What lives as long as the server, across `--watch` reloads: the journal, scenario states, the
 * stateful store, and the seeded draws of delays and faults. Contracts and mocks files are reloaded;
 * this is not, and `POST /__mockpact/reset` empties the store and scenarios.
 */
export interface LiveState {
  journal: Journal;
  scenarios: Scenarios;
  store: StateStore;
  random: Random;
  /** Callbacks and webhooks: set by the servers that make outgoing calls (not the MSW handlers). */
  outgoing?: Outgoing;
}

export function createLiveState(options: { journalSize: number; seed: number; stateLimits: StateLimits }): LiveState {
  return { journal: new Journal(options.journalSize), scenarios: new Scenarios(), store: new StateStore(options.stateLimits), random: seededRandom(options.seed, "delays and faults") };
}

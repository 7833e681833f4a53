import type { SecretNames } from "../../../redact.js";
import { redactUrl } from "../../../redact.js";
import { countedState, type LiveState } from "../../live-state.js";
import type { ResolvedMockOptions } from "../../options.js";
import type { StoreChoice } from "../../options-store.js";
import { AddedOverrides } from "../../overrides/added.js";
import { seededRandom } from "../../random.js";
import { connectStore } from "./connect.js";
import { RedisJournal } from "./journal.js";
import { StoreKeys } from "./keys.js";
import { RedisScenarioStates } from "./scenarios.js";
import { RedisRevision } from "./revision.js";
import { RedisStore } from "./store.js";

type RedisChoice = Extract<StoreChoice, { kind: "redis" }>;

/**
 * The live state of a server (mock or proxy) in Redis (`--store`), connected before anything loads so
 * that a Redis that is down stops the start (STORE_UNAVAILABLE, exit 2). Only the Node servers import
 * this file, and only with `--store` (state/open-live-state.ts): the MSW handlers, their browser build
 * and a mock in memory never load ioredis. `secretNames` gives the loaded contracts' credential names,
 * which the journal redacts as it writes.
 */
export async function openRedisLiveState(
  options: ResolvedMockOptions,
  store: RedisChoice,
  secretNames: () => SecretNames | undefined,
): Promise<LiveState> {
  const shown = redactUrl(store.url);
  const redis = await connectStore(store.url, {
    onLost: (why) =>
      options.onEvent({
        type: "warning",
        message: `Lost the store: ${why}; stateful requests answer 503 until it is back (reconnecting)`,
      }),
    onBack: () => options.onEvent({ type: "warning", message: `The store at ${shown} is back` }),
  });
  const keys = new StoreKeys(store.prefix);
  return {
    journal: new RedisJournal(redis, store.url, keys, options.journalSize, secretNames),
    ...countedState(
      new RedisStore(redis, store.url, store.prefix, options.stateLimits),
      new RedisScenarioStates(redis, store.url, keys),
      new RedisRevision(redis, store.url, keys),
    ),
    random: seededRandom(options.seed, "delays and faults"),
    overrides: new AddedOverrides(),
    close: async () => {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}

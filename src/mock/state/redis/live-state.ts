import type { SecretNames } from "../../../redact.js";
import { redactUrl } from "../../../redact.js";
import { countedState, createLiveState, type LiveState } from "../../live-state.js";
import type { ResolvedMockOptions } from "../../options.js";
import { AddedOverrides } from "../../overrides/added.js";
import { seededRandom } from "../../random.js";
import { connectStore } from "./connect.js";
import { RedisJournal } from "./journal.js";
import { StoreKeys } from "./keys.js";
import { RedisScenarioStates } from "./scenarios.js";
import { RedisRevision } from "./revision.js";
import { RedisStore } from "./store.js";

/**
 * The live state of a server (mock or proxy): in memory, or with `--store` in Redis, connected
 * before anything loads so that a Redis that is down stops the start (STORE_UNAVAILABLE, exit 2).
 * Only the Node servers import this file: the MSW handlers and their browser build never see ioredis.
 * `secretNames` gives the loaded contracts' credential names, which the journal redacts as it writes.
 */
export async function openLiveState(options: ResolvedMockOptions, secretNames: () => SecretNames | undefined): Promise<LiveState> {
  const { store } = options;
  if (store.kind === "memory") return createLiveState(options);
  const shown = redactUrl(store.url);
  const redis = await connectStore(store.url, {
    onLost: (why) => options.onEvent({ type: "warning", message: `Lost the store: ${why}; stateful requests answer 503 until it is back (reconnecting)` }),
    onBack: () => options.onEvent({ type: "warning", message: `The store at ${shown} is back` }),
  });
  const keys = new StoreKeys(store.prefix);
  return {
    journal: new RedisJournal(redis, store.url, keys, options.journalSize, secretNames),
    ...countedState(new RedisStore(redis, store.url, store.prefix, options.stateLimits), new RedisScenarioStates(redis, store.url, keys), new RedisRevision(redis, store.url, keys)),
    random: seededRandom(options.seed, "delays and faults"),
    overrides: new AddedOverrides(),
    close: async () => {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}

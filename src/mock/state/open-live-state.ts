import type { SecretNames } from "../../redact.js";
import { createLiveState, type LiveState } from "../live-state.js";
import type { ResolvedMockOptions } from "../options.js";

/**
 * The live state of a server (mock or proxy): in memory, or with `--store` in Redis. The Redis
 * client is imported only when a store is given: ioredis is a sizeable share of a start-up that
 * most users, who keep the state in memory, would pay for nothing.
 */
export async function openLiveState(
  options: ResolvedMockOptions,
  secretNames: () => SecretNames | undefined,
): Promise<LiveState> {
  const { store } = options;
  if (store.kind === "memory") return createLiveState(options);
  const { openRedisLiveState } = await import("./redis/live-state.js");
  return openRedisLiveState(options, store, secretNames);
}

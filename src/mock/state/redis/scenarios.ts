import type { ScenarioStates } from "../../scenarios.js";
import { reaching, type StoreKeys } from "./keys.js";
import type { ScriptedRedis } from "./scripts.js";

/** Scenario states in one Redis hash (name -> state), moved by a compare-and-set script: a move on one replica is seen by all. */
export class RedisScenarioStates implements ScenarioStates {
  constructor(
    private readonly redis: ScriptedRedis,
    private readonly url: string,
    private readonly keys: StoreKeys,
  ) {}

  all(): Promise<Map<string, string>> {
    return reaching(
      this.url,
      async () => new Map(Object.entries(await this.redis.hgetall(this.keys.named("scenarios")))),
    );
  }

  move(name: string, from: string, to: string): Promise<boolean> {
    return reaching(
      this.url,
      async () => (await this.redis.mockpactMove(this.keys.named("scenarios"), name, from, to)) === 1,
    );
  }

  clear(): Promise<void> {
    return reaching(this.url, async () => void (await this.redis.del(this.keys.named("scenarios"))));
  }
}

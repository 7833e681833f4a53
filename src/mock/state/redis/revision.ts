import type { StateRevision } from "../revision.js";
import { reaching, type StoreKeys } from "./keys.js";
import type { ScriptedRedis } from "./scripts.js";

/** The revision as one Redis counter that every replica bumps and reads. */
export class RedisRevision implements StateRevision {
  constructor(
    private readonly redis: ScriptedRedis,
    private readonly url: string,
    private readonly keys: StoreKeys,
  ) {}

  bump(): void {
    this.redis.incr(this.keys.named("revision")).catch(() => {}); // while Redis is away there is no change to count
  }

  current(): Promise<number> {
    return reaching(this.url, async () => Number((await this.redis.get(this.keys.named("revision"))) ?? 0));
  }
}

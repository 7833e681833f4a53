import { Redis } from "ioredis";
import { MockpactError } from "../../../errors.js";
import { redactUrl } from "../../../redact.js";
import { defineScripts, type ScriptedRedis } from "./scripts.js";

/** How long the first connection may take before start-up gives up. */
const CONNECT_TIMEOUT_MS = 3_000;
/** After a loss, tries again at once, then at most every this often: the 503's Retry-After matches it. */
const MAX_RECONNECT_DELAY_MS = 2_000;

export interface StoreEvents {
  /** The connection was lost while serving (stateful requests answer 503 meanwhile). */
  onLost(why: string): void;
  onBack(): void;
}

/**
 * A connection to the store that fails fast and heals itself: no offline queue and no retried
 * commands, so a request while Redis is away gets its 503 at once instead of waiting; and a bounded
 * retry strategy that keeps reconnecting for as long as the process lives. Redis down at start is
 * STORE_UNAVAILABLE, and the mock does not start.
 */
export async function connectStore(url: string, events: StoreEvents): Promise<ScriptedRedis> {
  const redis = new Redis(url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    connectTimeout: CONNECT_TIMEOUT_MS,
    enableAutoPipelining: true, // one request's journal write and state reads share round trips with others'
    retryStrategy: (times) => Math.min(times * 100, MAX_RECONNECT_DELAY_MS),
  });
  let lost = false;
  let lastError: Error | undefined; // `connect()` says only "Connection is closed"; this says why
  redis.on("error", (error: Error) => (lastError = error)); // never printed by ioredis: told through `close` and each command

  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    redis.disconnect();
    throw storeUnavailable(url, lastError ?? error, "start");
  }
  redis.on("close", () => {
    if (lost || redis.status === "end") return;
    lost = true;
    events.onLost(`the connection to ${redactUrl(url)} closed`);
  });
  redis.on("ready", () => {
    if (!lost) return;
    lost = false;
    events.onBack();
  });
  return defineScripts(redis);
}

/** A store that cannot be reached: at start (exit 2), or while serving (a 503 with Retry-After). */
export function storeUnavailable(url: string, cause: unknown, when: "start" | "serve"): MockpactError {
  const why = cause instanceof Error ? cause.message : String(cause);
  const message = `Failed to ${when === "start" ? "connect to" : "use"} the store at ${redactUrl(url)}: ${why}`;
  const hint =
    when === "start"
      ? "Start Redis (redis-server) or fix --store / MOCKPACT_STORE (redis://host:port/db)."
      : "Redis is away; the mock reconnects on its own. Retry after the Retry-After seconds.";
  return new MockpactError("STORE_UNAVAILABLE", message, { hint, cause });
}

import { ReplyError } from "ioredis";
import type { BucketKey } from "../store.js";
import { storeUnavailable } from "./connect.js";

/**
 * The names of one mock's keys: all under `{prefix}:` (the braces keep them in one hash slot), so
 * that several mocks share one Redis, and a reset deletes only its own.
 */
export class StoreKeys {
  readonly root: string;

  constructor(prefix: string) {
    this.root = `{${prefix}}`;
  }

  /** `{mockpact:shop}:items:["shop.yaml","/orders"]`: contract and path, unambiguous whatever they hold. */
  bucketName(key: BucketKey): string {
    return JSON.stringify([key.contract, key.path]);
  }

  of(kind: "items" | "order" | "meta", bucketName: string): string {
    return `${this.root}:${kind}:${bucketName}`;
  }

  named(
    kind: "buckets" | "usage" | "sequences" | "seeded" | "scenarios" | "journal" | "journal:seq" | "revision",
  ): string {
    return `${this.root}:${kind}`;
  }
}

/**
 * Runs one store command, turning a lost connection into STORE_UNAVAILABLE (the request's 503). An
 * error Redis itself answered (a script's) is no outage, and stays as it is.
 */
export async function reaching<T>(url: string, command: () => Promise<T>): Promise<T> {
  try {
    return await command();
  } catch (error) {
    throw error instanceof ReplyError ? error : storeUnavailable(url, error, "serve");
  }
}

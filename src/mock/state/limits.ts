/**
 * What the store may hold in all, whatever keeps it (memory here, another store later): items, and
 * bytes of their JSON. A write past either is refused whole (the client gets a 507); reads, changes
 * that shrink an item and deletes always work.
 */
export interface StateLimits {
  maxItems: number;
  maxBytes: number;
}

export type PutResult = { kept: true } | { kept: false; limit: "items" | "bytes"; value: number };

/** For a store made without limits (code that builds one by hand): it holds what it is given. */
export const NO_LIMITS: StateLimits = { maxItems: Infinity, maxBytes: Infinity };

/**
 * What the store may hold in all, in memory or in Redis: items, and bytes of their JSON. A write
 * past either is refused whole (the client gets a 507); reads, changes that shrink an item and
 * deletes always work.
 */
export interface StateLimits {
  maxItems: number;
  maxBytes: number;
}

/** For a store made without limits (code that builds one by hand): it holds what it is given. */
export const NO_LIMITS: StateLimits = { maxItems: Infinity, maxBytes: Infinity };

/** Whether totals of `items` and `bytes` (after a write that was at `before` bytes) fit: else the limit it breaks. */
export function breaksLimit(
  limits: StateLimits,
  items: number,
  bytes: number,
  before: number,
): { limit: "items" | "bytes"; value: number } | undefined {
  if (items > limits.maxItems) return { limit: "items", value: limits.maxItems };
  if (bytes > limits.maxBytes && bytes > before) return { limit: "bytes", value: limits.maxBytes };
  return undefined;
}

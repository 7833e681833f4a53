import type { StateLimits } from "./limits.js";

export type { StateLimits } from "./limits.js";
export type Item = Record<string, unknown>;

/** One collection instance (`/orders`, or `/users/7/orders` for a nested one) of a contract. */
export interface BucketKey {
  contract: string;
  /** The collection's concrete path, without the base path. */
  path: string;
}

/** A collection's items by id, in the order they were created: fixtures in, `GET /state` out. */
export interface Bucket extends BucketKey {
  items: Map<string, Item>;
}

/** What a create is given before it builds its item: its number in the collection, and an integer id when asked. */
export interface Allocation {
  /** 1, 2, 3... per collection, never given twice: seeds the new item's generated fields. */
  created: number;
  /** The next integer id (above every integer id the collection has held, and at least the floor asked for). */
  integerId?: number;
}

/** A write's outcome: kept, or why not (the id is taken, the item changed or went meanwhile, or a limit). */
export type WriteResult =
  | { kept: true }
  | { kept: false; reason: "taken" | "changed" | "missing" }
  | { kept: false; reason: "limit"; limit: "items" | "bytes"; value: number };

/**
 * Where the stateful mock keeps what clients created, changed and deleted: in the process
 * (memory-store.ts) or in Redis, shared by replicas (redis/). Keyed by contract and concrete
 * collection path, not by operation, so that it survives `--watch` reloads. Every write of one item
 * is one atomic step of the store: `update` replaces an item only if it still holds what the caller
 * read, so two replicas patching one item never interleave into a mixed one.
 */
export interface StateStore {
  readonly limits: StateLimits;
  /** The collection's items in the order they were created. */
  items(bucket: BucketKey): Promise<Item[]>;
  item(bucket: BucketKey, id: string): Promise<Item | undefined>;
  /** `integerFloor`: the id schema's minimum, when ids are integers the store counts up. */
  allocate(bucket: BucketKey, integerFloor?: number): Promise<Allocation>;
  /** Keeps a new item, unless its id is taken or it takes the store past a limit. */
  insert(bucket: BucketKey, id: string, item: Item): Promise<WriteResult>;
  /** Replaces the item `expected` (as `item()` gave it) with `item`, unless it changed or went meanwhile. */
  update(bucket: BucketKey, id: string, expected: Item, item: Item): Promise<WriteResult>;
  /** Removes the item, giving it back; undefined when there was none. */
  remove(bucket: BucketKey, id: string): Promise<Item | undefined>;
  /** 0, 1, 2... per key, shared by replicas: which answer of a sequence is next. */
  nextIndex(key: string): Promise<number>;
  /** The items a reset returns to (`--fixtures`). Applied now too unless clients have already used the store. */
  setInitial(initial: Bucket[]): Promise<void>;
  /** Back to the initial items, and every sequence back to its start. */
  reset(): Promise<void>;
  /** Every collection that holds items. */
  snapshot(): Promise<Bucket[]>;
  /** Items and bytes of JSON held now. */
  usage(): Promise<{ items: number; bytes: number }>;
}

import { byteLength } from "../../http/bytes.js";
import { NO_LIMITS, type PutResult, type StateLimits } from "./limits.js";

export type { PutResult, StateLimits } from "./limits.js";
export type Item = Record<string, unknown>;

/** The items of one collection instance (`/orders`, or `/users/7/orders` for a nested one), by id. */
export interface Bucket {
  contract: string;
  /** The collection's concrete path, without the base path. */
  path: string;
  items: Map<string, Item>;
  /** Items created here so far: seeds new ids, so a deleted item's id is not given again. */
  created: number;
  /** The highest integer id given so far. */
  lastId: number;
}

/**
 * What clients created, changed and deleted. Keyed by contract and concrete collection path, not by
 * operation, so that it survives `--watch` reloads; `reset()` goes back to the initial items (the
 * fixtures given with `--fixtures`, else nothing). Items are written through `put` and `remove`
 * only, which keep the totals the limits are checked against.
 */
export class StateStore {
  private readonly buckets = new Map<string, Bucket>();
  private initial = new Map<string, Bucket>();
  private touched = false;
  private readonly sizes = new WeakMap<Item, number>();
  private items = 0;
  private bytes = 0;

  constructor(readonly limits: StateLimits = NO_LIMITS) {}

  /** Keeps `item` under `id` unless that takes the store past a limit. */
  put(bucket: Bucket, id: string, item: Item): PutResult {
    const previous = bucket.items.get(id);
    const size = byteLength(JSON.stringify(item));
    const items = this.items + (previous ? 0 : 1);
    const bytes = this.bytes + size - (previous ? this.sizeOf(previous) : 0);
    if (items > this.limits.maxItems) return { kept: false, limit: "items", value: this.limits.maxItems };
    if (bytes > this.limits.maxBytes && bytes > this.bytes) return { kept: false, limit: "bytes", value: this.limits.maxBytes };
    bucket.items.set(id, item);
    this.sizes.set(item, size);
    [this.items, this.bytes] = [items, bytes];
    return { kept: true };
  }

  remove(bucket: Bucket, id: string): void {
    const previous = bucket.items.get(id);
    if (!previous) return;
    bucket.items.delete(id);
    this.items--;
    this.bytes -= this.sizeOf(previous);
  }

  /** Items and bytes held now. */
  get usage(): { items: number; bytes: number } {
    return { items: this.items, bytes: this.bytes };
  }

  private sizeOf(item: Item): number {
    return this.sizes.get(item) ?? byteLength(JSON.stringify(item));
  }

  bucket(contract: string, path: string): Bucket {
    const key = `${contract}\u0000${path}`;
    let bucket = this.buckets.get(key);
    if (!bucket) this.buckets.set(key, (bucket = { contract, path, items: new Map(), created: 0, lastId: 0 }));
    this.touched = true;
    return bucket;
  }

  /** The items a reset returns to. Applied now too unless clients have already used the store. */
  setInitial(initial: Bucket[]): void {
    this.initial = new Map(initial.map((b) => [`${b.contract}\u0000${b.path}`, b]));
    if (!this.touched) this.reset();
  }

  /** Back to the initial items (`--fixtures` are not held to the limits: the user chose them). */
  reset(): void {
    this.buckets.clear();
    [this.items, this.bytes] = [0, 0];
    for (const [key, bucket] of this.initial) {
      const copy: Bucket = { ...bucket, items: new Map() };
      for (const [id, item] of bucket.items) {
        const kept = structuredClone(item);
        copy.items.set(id, kept);
        this.sizes.set(kept, byteLength(JSON.stringify(kept)));
        this.items++;
        this.bytes += this.sizes.get(kept)!;
      }
      this.buckets.set(key, copy);
    }
    this.touched = false;
  }

  snapshot(): Bucket[] {
    return [...this.buckets.values()].filter((b) => b.items.size > 0);
  }
}

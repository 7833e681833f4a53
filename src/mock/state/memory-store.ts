import { byteLength } from "../../http/bytes.js";
import { breaksLimit, NO_LIMITS, type StateLimits } from "./limits.js";
import type { Allocation, Bucket, BucketKey, Item, StateStore, WriteResult } from "./store.js";

/** A bucket as memory keeps it: its items, and its counters. */
interface Held extends Bucket {
  created: number;
  lastId: number;
}

/**
 * The store of one process: what `--stateful` keeps without `--store`, and what the MSW handlers keep
 * in a browser. Each method does its work before its first await, so a request sees the store as
 * the previous one left it. Items and bytes are counted on every write, for the limits.
 */
export class MemoryStore implements StateStore {
  private readonly buckets = new Map<string, Held>();
  private initial: Bucket[] = [];
  private touched = false;
  private readonly sizes = new WeakMap<Item, number>();
  private readonly sequences = new Map<string, number>();
  private held = { items: 0, bytes: 0 };

  constructor(readonly limits: StateLimits = NO_LIMITS) {}

  async items(key: BucketKey): Promise<Item[]> {
    return [...this.bucket(key).items.values()];
  }

  async item(key: BucketKey, id: string): Promise<Item | undefined> {
    return this.bucket(key).items.get(id);
  }

  async allocate(key: BucketKey, integerFloor?: number): Promise<Allocation> {
    const bucket = this.bucket(key);
    bucket.created++;
    if (integerFloor === undefined) return { created: bucket.created };
    bucket.lastId = Math.max(integerFloor - 1, bucket.lastId) + 1; // lastId is at least every integer id kept (put)
    return { created: bucket.created, integerId: bucket.lastId };
  }

  async insert(key: BucketKey, id: string, item: Item): Promise<WriteResult> {
    const bucket = this.bucket(key);
    return bucket.items.has(id) ? { kept: false, reason: "taken" } : this.put(bucket, id, item);
  }

  async update(key: BucketKey, id: string, expected: Item, item: Item): Promise<WriteResult> {
    const bucket = this.bucket(key);
    const current = bucket.items.get(id);
    if (!current) return { kept: false, reason: "missing" };
    return current === expected ? this.put(bucket, id, item) : { kept: false, reason: "changed" };
  }

  async remove(key: BucketKey, id: string): Promise<Item | undefined> {
    const bucket = this.bucket(key);
    const previous = bucket.items.get(id);
    if (!previous) return undefined;
    bucket.items.delete(id);
    this.held = { items: this.held.items - 1, bytes: this.held.bytes - this.sizeOf(previous) };
    return previous;
  }

  async nextIndex(key: string): Promise<number> {
    const index = this.sequences.get(key) ?? 0;
    this.sequences.set(key, index + 1);
    return index;
  }

  async setInitial(initial: Bucket[]): Promise<void> {
    this.initial = initial;
    if (!this.touched) this.clear();
  }

  async reset(): Promise<void> {
    this.clear();
  }

  async snapshot(): Promise<Bucket[]> {
    return [...this.buckets.values()]
      .filter((b) => b.items.size > 0)
      .map(({ contract, path, items }) => ({ contract, path, items }));
  }

  async usage(): Promise<{ items: number; bytes: number }> {
    return { ...this.held };
  }

  private put(bucket: Held, id: string, item: Item): WriteResult {
    const previous = bucket.items.get(id);
    const size = byteLength(JSON.stringify(item));
    const items = this.held.items + (previous ? 0 : 1);
    const bytes = this.held.bytes + size - (previous ? this.sizeOf(previous) : 0);
    const broken = breaksLimit(this.limits, items, bytes, this.held.bytes);
    if (broken) return { kept: false, reason: "limit", ...broken };
    bucket.items.set(id, item);
    this.sizes.set(item, size);
    this.held = { items, bytes };
    bucket.lastId = Math.max(bucket.lastId, idNumber(id));
    return { kept: true };
  }

  private sizeOf(item: Item): number {
    return this.sizes.get(item) ?? byteLength(JSON.stringify(item));
  }

  private bucket({ contract, path }: BucketKey): Held {
    const key = `${contract}\u0000${path}`;
    let bucket = this.buckets.get(key);
    if (!bucket) this.buckets.set(key, (bucket = { contract, path, items: new Map(), created: 0, lastId: 0 }));
    this.touched = true;
    return bucket;
  }

  /** Back to the initial items (`--fixtures` are not held to the limits: the user chose them). */
  private clear(): void {
    this.buckets.clear();
    this.sequences.clear();
    this.held = { items: 0, bytes: 0 };
    for (const { contract, path, items } of this.initial) {
      const copy: Held = { contract, path, items: new Map(), created: 0, lastId: 0 };
      for (const [id, item] of items) {
        const kept = structuredClone(item);
        const size = byteLength(JSON.stringify(kept));
        copy.items.set(id, kept);
        copy.lastId = Math.max(copy.lastId, idNumber(id));
        this.sizes.set(kept, size);
        this.held = { items: this.held.items + 1, bytes: this.held.bytes + size };
      }
      this.buckets.set(`${contract}\u0000${path}`, copy);
    }
    this.touched = false;
  }
}

/** An id's integer value, for counting ids up (0 for other ids): `"12"` is 12. */
function idNumber(id: string): number {
  const n = Number(id);
  return Number.isFinite(n) ? n : 0;
}

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
 * fixtures given with `--fixtures`, else nothing).
 */
export class StateStore {
  private readonly buckets = new Map<string, Bucket>();
  private initial = new Map<string, Bucket>();
  private touched = false;

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

  reset(): void {
    this.buckets.clear();
    for (const [key, bucket] of this.initial) this.buckets.set(key, { ...bucket, items: new Map([...bucket.items].map(([id, item]) => [id, structuredClone(item)])) });
    this.touched = false;
  }

  snapshot(): Bucket[] {
    return [...this.buckets.values()].filter((b) => b.items.size > 0);
  }
}

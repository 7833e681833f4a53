import type { StateLimits } from "../limits.js";
import type { Allocation, Bucket, BucketKey, Item, StateStore, WriteResult } from "../store.js";
import { reaching, StoreKeys } from "./keys.js";
import type { ScriptedRedis } from "./scripts.js";

/**
 * The stateful store in Redis, shared by every replica on the same `--store` and `--store-prefix`:
 * each collection is a hash of id -> item JSON with a sorted set keeping the order of creation, and
 * every write is one Lua script (scripts.ts). The limits count all replicas' items together.
 */
export class RedisStore implements StateStore {
  private readonly keys: StoreKeys;
  /** The JSON each item was read as: an update replaces it only if Redis still holds exactly that. */
  private readonly readAs = new WeakMap<Item, string>();

  constructor(
    private readonly redis: ScriptedRedis,
    private readonly url: string,
    prefix: string,
    readonly limits: StateLimits,
  ) {
    this.keys = new StoreKeys(prefix);
  }

  async items(key: BucketKey): Promise<Item[]> {
    return [...(await this.byId(key)).values()];
  }

  private byId(key: BucketKey): Promise<Map<string, Item>> {
    const name = this.keys.bucketName(key);
    return this.run(async () => {
      const flat = (await this.redis.mockpactList(
        this.keys.of("items", name),
        this.keys.of("order", name),
      )) as string[];
      const items = new Map<string, Item>();
      for (let i = 0; i + 1 < flat.length; i += 2) items.set(flat[i]!, this.parsed(flat[i + 1]!));
      return items;
    });
  }

  item(key: BucketKey, id: string): Promise<Item | undefined> {
    return this.run(async () => {
      const text = await this.redis.hget(this.keys.of("items", this.keys.bucketName(key)), id);
      return text === null ? undefined : this.parsed(text);
    });
  }

  allocate(key: BucketKey, integerFloor?: number): Promise<Allocation> {
    return this.run(async () => {
      const [created, integerId] = (await this.redis.mockpactAllocate(
        this.keys.of("meta", this.keys.bucketName(key)),
        integerFloor ?? "",
      )) as number[];
      return integerId === undefined ? { created: created! } : { created: created!, integerId };
    });
  }

  insert(key: BucketKey, id: string, item: Item): Promise<WriteResult> {
    const name = this.keys.bucketName(key);
    const keys = [
      this.keys.of("items", name),
      this.keys.of("order", name),
      this.keys.of("meta", name),
      this.keys.named("usage"),
      this.keys.named("buckets"),
    ];
    return this.write(() =>
      this.redis.mockpactInsert(
        ...keys,
        id,
        JSON.stringify(item),
        limit(this.limits.maxItems),
        limit(this.limits.maxBytes),
        name,
      ),
    );
  }

  update(key: BucketKey, id: string, expected: Item, item: Item): Promise<WriteResult> {
    const was = this.readAs.get(expected) ?? JSON.stringify(expected);
    const items = this.keys.of("items", this.keys.bucketName(key));
    return this.write(() =>
      this.redis.mockpactUpdate(
        items,
        this.keys.named("usage"),
        id,
        was,
        JSON.stringify(item),
        limit(this.limits.maxBytes),
      ),
    );
  }

  remove(key: BucketKey, id: string): Promise<Item | undefined> {
    const name = this.keys.bucketName(key);
    return this.run(async () => {
      const text = (await this.redis.mockpactRemove(
        this.keys.of("items", name),
        this.keys.of("order", name),
        this.keys.named("usage"),
        id,
      )) as string | null;
      return text === null ? undefined : this.parsed(text);
    });
  }

  nextIndex(key: string): Promise<number> {
    return this.run(async () => (await this.redis.hincrby(this.keys.named("sequences"), key, 1)) - 1);
  }

  private initial: Bucket[] = [];

  /** Seeds only a store no replica has seeded or used yet: a replica that joins later finds the state as it is. */
  setInitial(initial: Bucket[]): Promise<void> {
    this.initial = initial;
    return this.reseed(true);
  }

  reset(): Promise<void> {
    return this.reseed(false);
  }

  snapshot(): Promise<Bucket[]> {
    return this.run(async () => {
      const names = (await this.redis.smembers(this.keys.named("buckets"))).sort();
      const buckets: Bucket[] = [];
      for (const name of names) {
        const [contract, path] = JSON.parse(name) as [string, string];
        const items = await this.byId({ contract, path });
        if (items.size > 0) buckets.push({ contract, path, items });
      }
      return buckets;
    });
  }

  usage(): Promise<{ items: number; bytes: number }> {
    return this.run(async () => {
      const [items, bytes] = await this.redis.hmget(this.keys.named("usage"), "items", "bytes");
      return { items: Number(items ?? 0), bytes: Number(bytes ?? 0) };
    });
  }

  private reseed(onlyIfUnused: boolean): Promise<void> {
    const initial = this.initial.map((b) => [
      this.keys.bucketName(b),
      [...b.items].map(([id, item]) => [id, JSON.stringify(item)]),
    ]);
    const keys = [
      this.keys.named("buckets"),
      this.keys.named("usage"),
      this.keys.named("sequences"),
      this.keys.named("seeded"),
    ];
    return this.run(
      async () =>
        void (await this.redis.mockpactReset(
          ...keys,
          this.keys.root,
          JSON.stringify(initial),
          onlyIfUnused ? "1" : "0",
        )),
    );
  }

  private parsed(text: string): Item {
    const item = JSON.parse(text) as Item;
    this.readAs.set(item, text);
    return item;
  }

  private write(script: () => Promise<unknown>): Promise<WriteResult> {
    return this.run(async () => {
      const [outcome, value] = (await script()) as [string, string | undefined];
      if (outcome === "kept") return { kept: true };
      if (outcome === "items" || outcome === "bytes")
        return { kept: false, reason: "limit", limit: outcome, value: Number(value) };
      return { kept: false, reason: outcome as "taken" | "changed" | "missing" };
    });
  }

  private run<T>(command: () => Promise<T>): Promise<T> {
    return reaching(this.url, command);
  }
}

/** Lua reads -1 as no limit (Infinity does not cross the wire). */
function limit(value: number): number {
  return Number.isFinite(value) ? value : -1;
}

/**
 * A number that changes whenever the live state does (an item created, changed or deleted, a reset,
 * a scenario moved, a runtime override added or removed). The console reads it with each poll of the
 * journal and reads the state again only when it moved, so its State panel follows requests without
 * a Refresh and without reading the whole store every time. In Redis with `--store`, so that a
 * change made through any replica is seen on all.
 */
export interface StateRevision {
  /** Counts one change; never waits and never fails the write it follows. */
  bump(): void;
  current(): number | Promise<number>;
}

export class MemoryRevision implements StateRevision {
  private count = 0;

  bump(): void {
    this.count++;
  }

  current(): number {
    return this.count;
  }
}

/**
 * `target` with `writes` counted: each call of one of them bumps the revision once it has settled,
 * so a reader who sees the new revision also sees what the write did.
 */
export function countingWrites<T extends object>(
  target: T,
  writes: ReadonlyArray<keyof T & string>,
  revision: StateRevision,
): T {
  const counted = new Set<PropertyKey>(writes);
  return new Proxy(target, {
    get(object, name) {
      const value: unknown = Reflect.get(object, name);
      if (!counted.has(name) || typeof value !== "function") return value;
      return (...args: unknown[]) => {
        const settled = Promise.resolve(value.apply(object, args));
        return settled.finally(() => revision.bump());
      };
    },
  });
}
